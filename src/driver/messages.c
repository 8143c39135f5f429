/*
 * messages: a heap-allocated list of user-facing messages. Printing is the
 * only output it does, and only when the driver asks.
 */
#include "messages.h"

#include <stdarg.h>
#include <stdlib.h>

#include "../support/text.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

void message_list_init(struct message_list *list)
{
    list->items = NULL;
    list->count = 0;
    list->capacity = 0;
    list->error_count = 0;
}

void message_add_owned(struct message_list *list, enum message_kind kind, char *text)
{
    list->items = heap_array_reserve(list->items, &list->capacity, list->count + 1, sizeof *list->items);
    list->items[list->count].kind = kind;
    list->items[list->count].text = text;
    list->count++;
    if (kind == MESSAGE_ERROR)
        list->error_count++;
}

void message_add(struct message_list *list, enum message_kind kind, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *text = text_vprintf(format, arguments);
    va_end(arguments);
    message_add_owned(list, kind, text);
}

void message_list_print(const struct message_list *list, bool verbose, FILE *stream)
{
    for (int i = 0; i < list->count; i++) {
        const struct message *message = &list->items[i];
        if (message->kind == MESSAGE_ERROR)
            fprintf(stream, "nullproof: error: %s\n", message->text);
        else if (verbose)
            fprintf(stream, "nullproof: %s\n", message->text);
    }
}

void message_list_free(struct message_list *list)
{
    for (int i = 0; i < list->count; i++)
        free(list->items[i].text);
    free(list->items);
    message_list_init(list);
}
