/* Tagged unions declared in a rule pack (packs/events.yaml): a member may
 * be read only where the tag holds the variant the pack names for it,
 * whatever the names (EV_MOUSE for click, a boolean hit for slot). */
#include <stdbool.h>

enum event_kind { EV_KEYBOARD, EV_MOUSE, EV_TICK };

struct event {
    enum event_kind what;
    union {
        int key;
        struct { int x, y; } click;
        int timer_id;
    };
};

struct lookup {
    bool hit;
    union {
        int slot;
        const char *reason;
    };
};

extern struct event next_event(void);
extern struct lookup find_slot(const char *name);

/* must stay silent */

int handle(void)
{
    struct event event = next_event();
    switch (event.what) {
    case EV_KEYBOARD:
        return event.key;
    case EV_MOUSE:
        return event.click.x + event.click.y;
    case EV_TICK:
        return event.timer_id;
    }
    return 0;
}

int slot_or(const char *name, int fallback)
{
    struct lookup found = find_slot(name);
    return found.hit ? found.slot : fallback;
}

/* Flagged. */

int key_unchecked(void)
{
    struct event event = next_event();
    if (event.what == EV_TICK)
        return 0;
    return event.key; // expect: unchecked-variant
}

int mouse_in_keyboard_arm(void)
{
    struct event event = next_event();
    switch (event.what) {
    case EV_KEYBOARD:
        return event.click.x; // expect: unchecked-variant
    default:
        return 0;
    }
}

const char *reason_when_found(const char *name)
{
    struct lookup found = find_slot(name);
    if (!found.hit)
        return "";
    return found.reason; // expect: unchecked-variant
}
