/* A stand-in for libxml2's <libxml/parser.h> (libxml2 2.9 names and
 * signatures) for the pack_libxml2 cases. Not the real header. */
#ifndef NULLPROOF_TEST_LIBXML_PARSER_H
#define NULLPROOF_TEST_LIBXML_PARSER_H

#include "tree.h"

xmlDocPtr xmlReadFile(const char *URL, const char *encoding, int options);
xmlDocPtr xmlReadMemory(const char *buffer, int size, const char *URL, const char *encoding,
                        int options);
xmlDocPtr xmlParseFile(const char *filename);

#endif
