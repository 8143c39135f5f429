/*
 * report: the table of output formats. Adding a format is one row here and
 * one file with its write function; nothing else changes.
 */
#include "report.h"

#include <string.h>

static const struct report_format formats[] = {
    {"text", report_write_text},
    {"json", report_write_json},
    {"sarif", report_write_sarif},
    {"github", report_write_github},
    {"codeclimate", report_write_codeclimate},
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

bool report_is_clang_diagnostic(const struct finding *finding)
{
    return finding->rule && strcmp(finding->rule, "clang-diagnostic") == 0;
}

const char *report_relative_path(const char *path, const char *working_directory)
{
    if (!path || path[0] != '/' || !working_directory)
        return path;
    size_t length = strlen(working_directory);
    while (length > 1 && working_directory[length - 1] == '/')
        length--;
    if (length > 1 && strncmp(path, working_directory, length) == 0 && path[length] == '/')
        return path + length + 1;
    return path;
}
