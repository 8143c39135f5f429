/* A pointer found equal to an address that is not NULL (a function, an
 * object, a string literal) is not NULL on that edge; found different, it
 * may still be NULL. */
#include <stddef.h>

typedef void (*handler)(void);

struct binding {
    handler func;
    int toggle;
};

void do_help(void);
void full_refresh(void);
void do_toggle(void);
static struct binding bindings[16];
static int bound_keys[16];
int keys_pressed;
static int sentinel;

/* NULL when the key is not bound */
static const struct binding *find_binding(int key)
{
    for (int i = 0; i < 16; i++)
        if (bound_keys[i] == key)
            return &bindings[i];
    return NULL;
}

static handler find_handler(int key)
{
    const struct binding *binding = find_binding(key);
    return binding ? binding->func : NULL;
}

/* must stay silent */

void run_refresh(int key)
{
    handler function = find_handler(key);
    if (function == full_refresh || function == do_help)
        function();
}

int toggles(int key)
{
    const struct binding *binding = find_binding(key);
    handler function = binding ? binding->func : NULL;
    if (function == do_toggle && binding->toggle == 3)
        return 1;
    return 0;
}

int at_sentinel(int *slot)
{
    int *p = slot;
    if (p == NULL)
        keys_pressed++;
    if (&sentinel == p)
        return *p;
    return 0;
}

/* must be reported */

void run_other(int key)
{
    handler function = find_handler(key);
    if (function != full_refresh)
        function(); // expect: unchecked-lookup
}

int toggles_wrong(int key)
{
    const struct binding *binding = find_binding(key);
    handler function = binding ? binding->func : NULL;
    if (function != do_toggle)
        return binding->toggle; // expect: null-deref
    return 0;
}
