/* Tests inside && , || , ?: and assignments in conditions guard what they
 * short-circuit; the wrong operator leaves the pointer NULL where it is used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct option {
    const char *name;
    int enabled;
    int flags;
};

extern struct option *option_slot(const char *name);

/* must stay silent */

/* A condition split by preprocessor lines, as configurable code writes it. */
#define WITH_TRANSFORM 1
struct session {
    char *handshake;
    char *transform;
    char *peer;
};

int session_setup(struct session *session)
{
    session->handshake = malloc(64);
    session->transform = malloc(64);
    session->peer = malloc(64);
    if (session->handshake == NULL ||
#if defined(WITH_TRANSFORM)
        session->transform == NULL ||
#endif
        session->peer == NULL)
        return -1;
    session->handshake[0] = session->transform[0] = session->peer[0] = 0;
    return 0;
}

/* The same with a branch the preprocessor leaves out between the operands
 * (libpcap's pcap_lookupnet): the inactive lines are not code. */
int is_any_device(const char *device)
{
    if (!device || strcmp(device, "any") == 0
#ifdef WITH_DAG_API
        || strstr(device, "dag") != NULL
#endif
        || strstr(device, "usbmon") != NULL)
        return 1;
    return (int)strlen(device);
}

int option_on(const struct option *option)
{
    return option && option->enabled;
}

int option_off(const struct option *option)
{
    return !option || option->enabled == 0;
}

int option_flags(const struct option *option)
{
    return option ? option->flags : 0;
}

size_t editor_length(void)
{
    const char *editor;
    if ((editor = getenv("EDITOR")) != NULL)
        return strlen(editor);
    return 0;
}

char *line_copy(const char *line)
{
    char *copy;
    if (!(copy = malloc(strlen(line) + 1)))
        return NULL;
    strcpy(copy, line);
    return copy;
}

int pager_is_set(void)
{
    const char *pager;
    return (pager = getenv("PAGER")) != NULL && pager[0] != '\0';
}

int editor_is_vi(void)
{
    const char *editor = getenv("EDITOR");
    return editor == NULL ? 0 : strcmp(editor, "vi") == 0;
}

/* Wrong operators. */

int option_on_wrong(const struct option *option)
{
    return option || option->enabled; // expect: null-deref
}

int option_off_wrong(const struct option *option)
{
    return !option && option->enabled == 0; // expect: null-deref
}

int option_flags_swapped(const struct option *option)
{
    return option ? 0 : option->flags; // expect: null-deref
}

int option_precedence(const struct option *option)
{
    if ((option != NULL && option->enabled) || option->flags) // expect: null-deref
        return 1;
    return 0;
}

int option_flags_after_warning(const char *name)
{
    struct option *option = option_slot(name);
    if (option == NULL || option->enabled == 0)
        puts("option disabled");
    return option->flags; // expect: null-deref
}

/* A negated truth value keeps its zero-ness: -!(fits || (p = grow(p))) is
 * non-zero exactly when grow() gave NULL (git's XDL_ALLOC_GROW). */
void *grow_slots(void *slots, long *capacity);
#define GROW(p, n, capacity) (-!((n) <= (capacity) || ((p) = grow_slots((p), &(capacity)))))

struct slots {
    void **items;
    long count, capacity;
};

int append_slot(struct slots *slots, void *item)
{
    slots->count++;
    if (GROW(slots->items, slots->count, slots->capacity))
        return -1;
    slots->items[slots->count - 1] = item;
    return 0;
}

int append_slot_unchecked(long count, long capacity, void *item)
{
    void **grown = NULL;
    if (+!(count <= capacity || (grown = grow_slots(grown, &capacity))))
        puts("out of memory");
    grown[count - 1] = item; // expect: null-deref
    return 0;
}

/* A condition split by preprocessor lines with the wrong operator: it
 * goes on when the handshake is NULL and another allocation succeeded. */
int session_setup_wrong(struct session *session)
{
    session->handshake = malloc(64);
    session->transform = malloc(64);
    session->peer = malloc(64);
    if (session->handshake == NULL &&
#if defined(WITH_TRANSFORM)
        session->transform == NULL &&
#endif
        session->peer == NULL)
        return -1;
    session->handshake[0] = 0; // expect: null-deref
    return 0;
}

/* With the wrong operator across the inactive lines. */
int is_any_device_wrong(const char *device)
{
    if (!device && strcmp(device, "any") == 0 // expect: null-deref
#ifdef WITH_DAG_API
        && strstr(device, "dag") != NULL
#endif
        && strstr(device, "usbmon") != NULL)
        return 1;
    return 0;
}
