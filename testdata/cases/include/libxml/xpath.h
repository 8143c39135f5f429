/* A stand-in for libxml2's <libxml/xpath.h> (libxml2 2.9 names,
 * signatures and xmlXPathNodeSetIsEmpty) for the pack_libxml2 cases. Not
 * the real header. */
#ifndef NULLPROOF_TEST_LIBXML_XPATH_H
#define NULLPROOF_TEST_LIBXML_XPATH_H

#include "tree.h"

typedef struct _xmlNodeSet {
    int nodeNr;
    int nodeMax;
    xmlNodePtr *nodeTab;
} xmlNodeSet;
typedef xmlNodeSet *xmlNodeSetPtr;

typedef struct _xmlXPathObject {
    int type;
    xmlNodeSetPtr nodesetval;
} xmlXPathObject;
typedef xmlXPathObject *xmlXPathObjectPtr;

typedef struct _xmlXPathContext xmlXPathContext;
typedef xmlXPathContext *xmlXPathContextPtr;

xmlXPathContextPtr xmlXPathNewContext(xmlDocPtr doc);
xmlXPathObjectPtr xmlXPathEvalExpression(const xmlChar *str, xmlXPathContextPtr ctxt);
void xmlXPathFreeObject(xmlXPathObjectPtr obj);
void xmlXPathFreeContext(xmlXPathContextPtr ctxt);

#define xmlXPathNodeSetIsEmpty(ns) \
    (((ns) == NULL) || ((ns)->nodeNr == 0) || ((ns)->nodeTab == NULL))

#endif
