/* Checks and dereferences hidden in macros count like written-out code; a
 * finding from a macro is reported at the line where the macro is used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(pointer) if (!(pointer)) return -1
#define RETURN_IF_NULL(pointer, value) if ((pointer) == NULL) return (value)
#define FIELD_OR(pointer, field, fallback) ((pointer) ? (pointer)->field : (fallback))
#define FIRST_CHAR(text) ((text)[0])

struct account {
    char owner[32];
    long balance;
};

static struct account accounts[16];

static struct account *find_account(const char *owner)
{
    for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
        if (strcmp(accounts[i].owner, owner) == 0)
            return &accounts[i];
    return NULL;
}

/* must stay silent */

int account_open(const char *owner, struct account **out)
{
    struct account *account = calloc(1, sizeof *account);
    CHECK(account);
    snprintf(account->owner, sizeof account->owner, "%s", owner);
    *out = account;
    return 0;
}

long account_balance(const char *owner)
{
    const char *limit = getenv("BALANCE_LIMIT");
    RETURN_IF_NULL(limit, 0L);
    return strtol(limit, NULL, 10) + (long)strlen(owner);
}

long account_cached_balance(const char *owner)
{
    struct account *account = find_account(owner);
    return FIELD_OR(account, balance, 0L);
}

char currency_symbol(void)
{
    const char *currency = getenv("CURRENCY");
    CHECK(currency);
    return FIRST_CHAR(currency);
}

/* Flagged: the macro dereferences, or the check is on the wrong pointer. */

long account_balance_in(const char *owner, const char *currency)
{
    struct account *account = find_account(owner);
    RETURN_IF_NULL(currency, 0L);
    return account->balance + (long)strlen(currency); // expect: unchecked-lookup
}

char owner_initial(void)
{
    const char *owner = getenv("ACCOUNT_OWNER");
    return FIRST_CHAR(owner); // expect: unchecked-lookup
}

int account_copy(const struct account *source, struct account **out)
{
    struct account *copy = malloc(sizeof *copy);
    CHECK(source);
    memcpy(copy, source, sizeof *copy); // expect: unchecked-alloc
    *out = copy;
    return 0;
}

/* A macro that evaluates its argument twice, as jansson's json_is_string()
 * does: the NULL test and the use are of one call written once. */
struct json_value {
    int type;
};
extern struct json_value *json_get(struct json_value *object, const char *key);
#define IS_STRING(value) ((value) && (value)->type == 3)

int has_name(struct json_value *object)
{
    return IS_STRING(json_get(object, "name"));
}
