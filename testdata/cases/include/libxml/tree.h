/* A stand-in for libxml2's <libxml/tree.h> with the declarations the
 * pack_libxml2 cases use (same names and signatures as libxml2 2.9), so
 * they parse without libxml2-dev. Not the real header. */
#ifndef NULLPROOF_TEST_LIBXML_TREE_H
#define NULLPROOF_TEST_LIBXML_TREE_H

typedef unsigned char xmlChar;

typedef struct _xmlNode xmlNode;
typedef xmlNode *xmlNodePtr;
struct _xmlNode {
    void *_private;
    int type;
    const xmlChar *name;
    struct _xmlNode *children;
    struct _xmlNode *last;
    struct _xmlNode *parent;
    struct _xmlNode *next;
};

typedef struct _xmlDoc xmlDoc;
typedef xmlDoc *xmlDocPtr;
struct _xmlDoc {
    void *_private;
    int type;
    char *name;
    struct _xmlNode *children;
};

xmlNodePtr xmlDocGetRootElement(const xmlDoc *doc);
xmlChar *xmlGetProp(const xmlNode *node, const xmlChar *name);
xmlChar *xmlNodeGetContent(const xmlNode *cur);
xmlDocPtr xmlNewDoc(const xmlChar *version);
xmlNodePtr xmlNewNode(void *ns, const xmlChar *name);
void xmlFreeDoc(xmlDocPtr cur);
void xmlFree(void *mem);

#endif
