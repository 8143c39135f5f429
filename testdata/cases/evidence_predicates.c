/* Project-wide evidence counts a call site as testing a result when the
 * code compares it with NULL, or hands it to a predicate of that one
 * value whose answer a branch takes where it is made (`if
 * (!is_valid(c))`). Checking what a call did with the value is not a
 * test of it: `if (strcmp(name, "x") == 0)`, `if (send(c, m) != 0)`,
 * `t = now(c); if (t > 0)`, and neither is an ordering, `p < end`. So an
 * external function whose result is only passed on or walked is not taken
 * for a source of NULL. A test counts for the call whose result it sees: a
 * variable set by several calls is tested for those a test follows before
 * it is set again. */
#include <stddef.h>

struct connection {
    int fd;
};

extern struct connection *current_connection(void);
extern int connection_send(struct connection *c, const char *message);
extern long connection_clock(struct connection *c);
extern int connection_valid(struct connection *c);

/* must stay silent */

int greet(void)
{
    if (connection_send(current_connection(), "hello") != 0)
        return -1;
    if (connection_send(current_connection(), "how are you") != 0)
        return -1;
    if (connection_send(current_connection(), "see you") != 0)
        return -1;
    if (connection_send(current_connection(), "bye") != 0)
        return -1;
    long t = connection_clock(current_connection());
    if (t > 0)
        return 0;
    return 1;
}

int connection_fd(void)
{
    return current_connection()->fd;
}

/* A variable that also starts NULL is tested for that NULL: `msg = NULL;
 * switch (...) { case 1: msg = translate("added"); ... } if (msg)` says
 * nothing of translate(), whose result is then used unchecked. */
extern const char *translate(const char *message);
extern void show(const char *message);

void report_undo(int kind)
{
    const char *what = NULL;
    switch (kind) {
    case 1:
        what = translate("addition");
        break;
    case 2:
        what = translate("deletion");
        break;
    case 3:
        what = translate("line break");
        break;
    case 4:
        what = translate("indent");
        break;
    case 5:
        what = translate("comment");
        break;
    }
    if (what)
        show(what);
}

char title_initial(void)
{
    return *translate("New Buffer");
}

/* walking a buffer compares its cursor with the end: no NULL test of
 * the end */
extern char *frame_start(int frame);
extern char *frame_end(int frame);

int frame_sum(int frame)
{
    int sum = 0;
    for (char *p = frame_start(frame); p < frame_end(frame); p++)
        sum += *p;
    return sum;
}

int frame_spaces(int frame)
{
    int spaces = 0;
    for (char *p = frame_start(frame); frame_end(frame) > p; p++)
        spaces += *p == ' ';
    return spaces;
}

int frame_lines(int frame)
{
    int lines = 0;
    for (char *p = frame_start(frame); p < frame_end(frame); p++)
        lines += *p == '\n';
    return lines;
}

int frame_tabs(int frame)
{
    int tabs = 0;
    for (char *p = frame_start(frame); frame_end(frame) > p; p++)
        tabs += *p == '\t';
    return tabs;
}

char frame_last(int frame)
{
    return frame_end(frame)[-1];
}

/* One variable holds the results of many calls (an option switch's
 * `arg = option_argument(parser)` in every case): a test of it after one
 * call is no test of the others. One call in five tested is no vote. */
extern const char *option_argument(int option);
extern int option_set(const char *name, const char *value);

int parse_option(int option)
{
    const char *arg;
    switch (option) {
    case 'a':
        arg = option_argument(option);
        if (arg == NULL)
            return -1;
        return option_set("a", arg);
    case 'b':
        arg = option_argument(option);
        return option_set("b", arg) + arg[0];
    case 'c':
        arg = option_argument(option);
        return option_set("c", arg) + arg[0];
    case 'd':
        arg = option_argument(option);
        return option_set("d", arg) + arg[0];
    case 'e':
        arg = option_argument(option);
        return option_set("e", arg) + arg[0];
    }
    return 0;
}

/* must be reported */

/* four in five tested right after the call: the program believes it */
extern const char *setting_value(int key);

int apply_settings(void)
{
    const char *value;
    value = setting_value(1);
    if (!value)
        return -1;
    value = setting_value(2);
    if (!value)
        return -1;
    value = setting_value(3);
    if (value == NULL)
        return -1;
    value = setting_value(4);
    if (value == NULL)
        return -1;
    value = setting_value(5);
    return value[0]; // expect: unchecked-nullable
}

extern struct connection *pending_connection(void);

int pending_ready(void)
{
    if (!connection_valid(pending_connection()))
        return 0;
    if (!connection_valid(pending_connection()))
        return 0;
    struct connection *a = pending_connection();
    if (a == NULL)
        return 0;
    struct connection *b = pending_connection();
    if (b == NULL)
        return 0;
    return 1;
}

int pending_fd(void)
{
    return pending_connection()->fd; // expect: unchecked-nullable
}
