/* A union beside an enum tag is a sum type too: a member may be read only
 * where the tag holds the enumerator that names it (SHAPE_CIRCLE for
 * circle), the way a Rust match arm binds one variant. Only functions that
 * test the tag are judged. */
#include <stdio.h>

enum shape_kind { SHAPE_CIRCLE, SHAPE_RECT, SHAPE_POINT };

struct circle {
    double radius;
};

struct rect {
    double width, height;
};

struct shape {
    enum shape_kind kind;
    union {
        struct circle circle;
        struct rect rect;
    } as;
};

/* The same with an anonymous union and a message type. */
enum message_type { MESSAGE_TEXT, MESSAGE_NUMBER };

struct message {
    enum message_type type;
    union {
        const char *text;
        long number;
    };
};

extern struct shape shape_read(FILE *input);
extern int circle_is_unit(const struct circle *circle);
extern void shape_scale(struct shape *shape);

/* A union shared by groups of kinds is no sum type: `val` serves
 * NODE_VAL and the string and number kinds, `nodep` the others, and no
 * enumerator names `nodep`. */
enum node_type { NODE_ILLEGAL, NODE_VAL, NODE_STRING, NODE_NUMBER, NODE_RULE, NODE_FUNC };

struct node {
    enum node_type type;
    union {
        struct {
            struct node *left, *right;
        } nodep;
        struct {
            const char *text;
            double number;
        } val;
    } sub;
};

/* A union of one member is no choice between variants: both coding
 * methods keep their parameters in `partitioned_rice` (FLAC). */
enum coding_method { CODING_PARTITIONED_RICE, CODING_PARTITIONED_RICE2 };

struct coding {
    enum coding_method type;
    union {
        struct {
            unsigned order;
        } partitioned_rice;
    } data;
};

unsigned coding_order(const struct coding *coding)
{
    switch (coding->type) {
    case CODING_PARTITIONED_RICE:
    case CODING_PARTITIONED_RICE2:
        break;
    default:
        return 0;
    }
    return coding->data.partitioned_rice.order;
}

unsigned coding_order_of_rice2(const struct coding *coding)
{
    if (coding->type != CODING_PARTITIONED_RICE2)
        return 0;
    return coding->data.partitioned_rice.order;
}

double node_number(const struct node *n)
{
    if (n->type == NODE_RULE)
        return 0;
    return n->sub.val.number;
}

/* must stay silent */

double area(const struct shape *shape)
{
    switch (shape->kind) {
    case SHAPE_CIRCLE:
        return 3.14159 * shape->as.circle.radius * shape->as.circle.radius;
    case SHAPE_RECT:
        return shape->as.rect.width * shape->as.rect.height;
    case SHAPE_POINT:
        break;
    }
    return 0.0;
}

long number_or_zero(struct message message)
{
    if (message.type != MESSAGE_NUMBER)
        return 0;
    return message.number;
}

/* Two kinds: not a number is text. */
const char *text_of(struct message message)
{
    if (message.type == MESSAGE_NUMBER)
        return "(number)";
    return message.text;
}

/* The tag is set from a value that is tested afterwards: what the test
 * says holds for the copy too. */
void set_number(struct message *message, int type, long number)
{
    message->type = type;
    if (type == MESSAGE_TEXT)
        return;
    message->number = number;
}

long copied_number(struct message *message, int type)
{
    if (message->type == MESSAGE_TEXT)
        message->text = NULL;
    message->type = type;
    if (type == MESSAGE_TEXT)
        return 0;
    return message->number;
}

/* A function that never looks at the tag is taken to serve one variant:
 * its callers chose it. */
double circle_radius(const struct shape *shape)
{
    return shape->as.circle.radius;
}

struct shape unit_circle(void)
{
    struct shape shape;
    shape.kind = SHAPE_CIRCLE;
    shape.as.circle.radius = 1.0;
    return shape;
}

/* A callee that takes a member as const does not change the tag. */
double circle_radius_checked(const struct shape *shape)
{
    if (shape->kind == SHAPE_CIRCLE && !circle_is_unit(&shape->as.circle))
        return shape->as.circle.radius;
    return 1.0;
}

/* Writing inside a member (shape->as.rect.width = ...) is no read of it:
 * a payload may be written before its tag is set, or restored after a call
 * that may have changed the tag. */
void rect_stretch(struct shape *shape, double width)
{
    if (shape->kind != SHAPE_RECT)
        return;
    double saved = shape->as.rect.width;
    shape->as.rect.width = width;
    shape_scale(shape);
    shape->as.rect.width = saved;
}

/* Flagged. */

double radius_of_first(FILE *input)
{
    struct shape shape = shape_read(input);
    if (shape.kind == SHAPE_POINT)
        return 0.0;
    return shape.as.circle.radius; // expect: unchecked-variant
}


double width_in_wrong_arm(const struct shape *shape)
{
    switch (shape->kind) {
    case SHAPE_CIRCLE:
        return shape->as.rect.width; // expect: unchecked-variant
    default:
        return 0.0;
    }
}

/* Three kinds: not a rectangle may still be a point. */
double radius_unless_rect(const struct shape *shape)
{
    if (shape->kind == SHAPE_RECT)
        return 0.0;
    return shape->as.circle.radius; // expect: unchecked-variant
}

/* A callee that may write the shape may change its tag. */
double circle_radius_after_scale(struct shape *shape)
{
    if (shape->kind != SHAPE_CIRCLE)
        return 0.0;
    shape_scale(shape);
    return shape->as.circle.radius; // expect: unchecked-variant
}
