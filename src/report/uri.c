/*
 * uri: file paths and rule pages as URIs, for the formats that link to
 * them (SARIF's artifact locations and helpUri, the language server's
 * documents and codeDescription). No parsing of URIs here.
 */
#include "report.h"

#include <string.h>

#include "../support/xalloc.h"

/* Where docs/ is published (CMake's NULLPROOF_DOCS_URL). */
#ifndef NULLPROOF_DOCS_URL
#define NULLPROOF_DOCS_URL "file:///usr/local/share/doc/nullproof/"
#endif

void report_append_uri_path(struct string_buffer *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *cursor = (const unsigned char *)path; *cursor; cursor++) {
        unsigned char byte = *cursor;
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            (byte >= '0' && byte <= '9') || strchr("-._~/", byte)) {
            char plain[2] = {(char)byte, '\0'};
            string_buffer_append(out, plain);
        } else {
            char encoded[4] = {'%', hex[byte >> 4], hex[byte & 15], '\0'};
            string_buffer_append(out, encoded);
        }
    }
}

char *report_rule_help_uri(const char *id)
{
    struct string_buffer uri;
    string_buffer_init(&uri);
    string_buffer_append(&uri, NULLPROOF_DOCS_URL "rules/");
    report_append_uri_path(&uri, id);
    string_buffer_append(&uri, ".md");
    char *text = xstrdup(string_buffer_text(&uri));
    string_buffer_free(&uri);
    return text;
}
