/*
 * messages: what the driver has to tell the user besides findings, as
 * values: errors ("nullproof: error: ...", each makes the exit status 2)
 * and --verbose lines. Modules append; only the driver prints.
 */
#ifndef NULLPROOF_MESSAGES_H
#define NULLPROOF_MESSAGES_H

#include <stdbool.h>
#include <stdio.h>

enum message_kind { MESSAGE_ERROR, MESSAGE_VERBOSE };

struct message {
    enum message_kind kind;
    char *text; /* without the "nullproof: " prefix or newline */
};

struct message_list {
    struct message *items;
    int count;
    int capacity;
    int error_count;
};

void message_list_init(struct message_list *list);

/* Appends a printf-formatted message (copied to the heap). */
void message_add(struct message_list *list, enum message_kind kind, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Appends a message that is already a heap string; takes ownership. */
void message_add_owned(struct message_list *list, enum message_kind kind, char *text);

/* Prints the messages in order as "nullproof: error: TEXT" and, when
 * `verbose`, "nullproof: TEXT". */
void message_list_print(const struct message_list *list, bool verbose, FILE *stream);

void message_list_free(struct message_list *list);

#endif
