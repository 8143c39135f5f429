/* The libxml2 pack: a document that cannot be read is NULL, an empty
 * document has no root element, an absent attribute is NULL, XPath
 * evaluation fails with NULL. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <string.h>

int root_type(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, 0);
    return doc->type; // expect: unchecked-nullable
}

int root_of_text(const char *text, int size)
{
    xmlDocPtr doc = xmlReadMemory(text, size, "in.xml", NULL, 0);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    return root->type; // expect: unchecked-lookup
}

size_t id_length(const xmlNode *node)
{
    xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
    size_t length = strlen((const char *)id); // expect: unchecked-lookup
    xmlFree(id);
    return length;
}

int matches(xmlXPathContextPtr context, const xmlChar *expression)
{
    xmlXPathObjectPtr result = xmlXPathEvalExpression(expression, context);
    return result->nodesetval != NULL; // expect: unchecked-nullable
}

int parsed_type(const char *path)
{
    xmlDocPtr doc = xmlParseFile(path);
    int type = doc->type; // expect: unchecked-nullable
    xmlFreeDoc(doc);
    return type;
}

/* must stay silent */

int root_type_checked(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, 0);
    if (doc == NULL)
        return -1;
    int type = doc->type;
    xmlFreeDoc(doc);
    return type;
}

int root_of_text_checked(const char *text, int size)
{
    xmlDocPtr doc = xmlReadMemory(text, size, "in.xml", NULL, 0);
    xmlNodePtr root = xmlDocGetRootElement(doc); /* NULL for a NULL document */
    int type = root ? root->type : -1;
    xmlFreeDoc(doc);
    return type;
}

size_t id_length_checked(const xmlNode *node)
{
    xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
    if (!id)
        return 0;
    size_t length = strlen((const char *)id);
    xmlFree(id);
    return length;
}

int matches_checked(xmlXPathContextPtr context, const xmlChar *expression)
{
    xmlXPathObjectPtr result = xmlXPathEvalExpression(expression, context);
    if (result == NULL)
        return -1;
    int found = !xmlXPathNodeSetIsEmpty(result->nodesetval);
    xmlXPathFreeObject(result);
    return found;
}

int parsed_type_checked(const char *path)
{
    xmlDocPtr doc = xmlParseFile(path);
    if (!doc)
        return -1;
    int type = doc->type;
    xmlFreeDoc(doc);
    return type;
}
