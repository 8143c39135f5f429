/* A failed validation that sets a flag, tested later, ends the path on
 * which the value it validated may be NULL: the lookup's maybe-NULL result
 * and the flag stay together (mbedtls' `fatal_alert`). */
#include <stddef.h>

struct suite {
    int id;
    int min_version, max_version;
};

static const struct suite suites[4];

const struct suite *suite_from_id(int id)
{
    for (int i = 0; i < 4; i++)
        if (suites[i].id == id)
            return &suites[i];
    return NULL;
}

/* A NULL-safe validator: non-zero for NULL. */
int suite_validate(const struct suite *suite, int version)
{
    if (suite == NULL)
        return -1;
    if (suite->min_version > version || suite->max_version < version)
        return -1;
    return 0;
}

int suite_offered(int id);

static int suite_key(const struct suite *suite)
{
    return suite->id * 31;
}

/* must stay silent */

int parse_server_hello(int id, int version, int retry, int previous)
{
    int alert = 0;
    const struct suite *suite = suite_from_id(id);
    if (suite_validate(suite, version) != 0 || !suite_offered(id))
        alert = 47;
    else if (retry && id != previous)
        alert = 47;
    if (alert == 47)
        return -1;
    return suite_key(suite);
}

/* Flagged: the flag tested is not the one the failure set. */

int parse_server_hello_wrong_alert(int id, int version)
{
    int alert = 0;
    const struct suite *suite = suite_from_id(id);
    if (suite_validate(suite, version) != 0)
        alert = 47;
    if (alert == 40)
        return -1;
    return suite_key(suite); // expect: unchecked-lookup
}
