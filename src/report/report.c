/*
 * report: the table of output formats. Adding a format is one row here and
 * one file with its write function; nothing else changes.
 */
#include "report.h"

#include <string.h>

static const struct report_format formats[] = {
    {"text", report_write_text},
};

const struct report_format *report_formats(int *count)
{
    *count = (int)(sizeof formats / sizeof formats[0]);
    return formats;
}

const struct report_format *report_find_format(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}
