/* The cJSON pack: cJSON_GetObjectItem and friends answer "no such member"
 * with NULL, cJSON_GetStringValue passes a NULL item through,
 * cJSON_Parse fails with NULL, and printing allocates. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

int config_port(const char *text)
{
    cJSON *root = cJSON_Parse(text);
    cJSON *port = cJSON_GetObjectItem(root, "port");
    int value = port->valueint; // expect: unchecked-lookup
    cJSON_Delete(root);
    return value;
}

size_t config_name_length(const cJSON *root)
{
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(root, "name"));
    return strlen(name); // expect: unchecked-lookup
}

int first_type(const char *text)
{
    cJSON *root = cJSON_Parse(text);
    int type = root->type; // expect: unchecked-nullable
    cJSON_Delete(root);
    return type;
}

double nth_value(const cJSON *array, int index)
{
    return cJSON_GetArrayItem(array, index)->valuedouble; // expect: unchecked-lookup
}

size_t printed_length(const cJSON *item)
{
    char *printed = cJSON_PrintUnformatted(item);
    size_t length = strlen(printed); // expect: unchecked-alloc
    cJSON_free(printed);
    return length;
}

/* must stay silent */

int config_port_checked(const char *text)
{
    cJSON *root = cJSON_Parse(text);
    if (root == NULL)
        return -1;
    cJSON *port = cJSON_GetObjectItemCaseSensitive(root, "port");
    int value = port != NULL && cJSON_IsNumber(port) ? port->valueint : 8080;
    cJSON_Delete(root);
    return value;
}

size_t config_name_length_checked(const cJSON *root)
{
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(root, "name"));
    if (!name)
        return 0;
    return strlen(name);
}

size_t name_length_tested(const cJSON *root)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    if (name == NULL || !cJSON_IsString(name))
        return 0;
    return strlen(cJSON_GetStringValue(name));
}

/* cJSON's own functions accept NULL: chaining them is fine. */
int has_name(const cJSON *root)
{
    return cJSON_IsString(cJSON_GetObjectItem(root, "name"));
}
