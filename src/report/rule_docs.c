/*
 * rule_docs: the rule pages of docs/rules/ built into the binary at
 * configure time (cmake/embed_rule_docs.cmake), for formats that describe
 * rules (SARIF's help). It does not interpret the markdown.
 */
#include "report.h"

#include <string.h>

static const struct rule_document {
    const char *id;
    const char *markdown;
} documents[] = {
#include "rule_docs.inc"
    {NULL, NULL},
};

const char *report_rule_documentation(const char *id)
{
    for (const struct rule_document *document = documents; document->id; document++)
        if (strcmp(document->id, id) == 0)
            return document->markdown;
    return NULL;
}
