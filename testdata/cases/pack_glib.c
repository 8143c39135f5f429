/* The GLib pack: lookups in hash tables, trees, lists and queues, g_getenv
 * and g_strstr_len answer "absent" with NULL; g_try_malloc and g_try_new
 * may fail; g_return_val_if_fail and g_return_if_fail refine like assert. */
#include <glib.h>
#include <string.h>

struct session {
    gchar user[32];
    gint expires;
};

gint session_expiry(GHashTable *sessions, const gchar *token)
{
    struct session *session = g_hash_table_lookup(sessions, token);
    return session->expires; // expect: unchecked-lookup
}

gint tree_value(GTree *tree, gconstpointer key)
{
    gint *value = g_tree_lookup(tree, key);
    return *value; // expect: unchecked-lookup
}

size_t editor_length(void)
{
    return strlen(g_getenv("EDITOR")); // expect: unchecked-lookup
}

gchar after_separator(const gchar *line, gssize length)
{
    gchar *separator = g_strstr_len(line, length, "=");
    return separator[1]; // expect: unchecked-lookup
}

gpointer first_job(GQueue *jobs)
{
    struct session *job = g_queue_pop_head(jobs);
    job->expires = 0; // expect: unchecked-lookup
    return job;
}

struct session *session_new(void)
{
    struct session *session = g_try_new(struct session, 1);
    session->expires = 60; // expect: unchecked-alloc
    return session;
}

gchar *copy_name(const gchar *name)
{
    gchar *copy = g_try_malloc(strlen(name) + 1);
    strcpy(copy, name); // expect: unchecked-alloc
    return copy;
}

gint stored_expiry(GHashTable *sessions, const gchar *token)
{
    gpointer value = NULL;
    if (!g_hash_table_lookup_extended(sessions, token, NULL, &value))
        return -1;
    /* present, but the stored value may be NULL */
    return ((struct session *)value)->expires; // expect: unchecked-lookup
}

/* must stay silent */

gint stored_expiry_checked(GHashTable *sessions, const gchar *token)
{
    gpointer value = NULL;
    if (!g_hash_table_lookup_extended(sessions, token, NULL, &value) || value == NULL)
        return -1;
    return ((struct session *)value)->expires;
}

gint session_expiry_checked(GHashTable *sessions, const gchar *token)
{
    struct session *session = g_hash_table_lookup(sessions, token);
    if (session == NULL)
        return 0;
    return session->expires;
}

gint session_expiry_precondition(GHashTable *sessions, const gchar *token)
{
    struct session *session = g_hash_table_lookup(sessions, token);
    g_return_val_if_fail(session != NULL, -1);
    return session->expires;
}

void session_touch(GHashTable *sessions, const gchar *token)
{
    struct session *session = g_hash_table_lookup(sessions, token);
    g_return_if_fail(session);
    session->expires += 60;
}

size_t editor_length_checked(void)
{
    const gchar *editor = g_getenv("EDITOR");
    return editor ? strlen(editor) : 0;
}

struct session *session_new_checked(void)
{
    struct session *session = g_try_new(struct session, 1);
    if (!session)
        return NULL;
    session->expires = 60;
    return session;
}

/* g_malloc aborts instead of returning NULL: not a nullable source. */
gchar *copy_name_aborting(const gchar *name)
{
    gchar *copy = g_malloc(strlen(name) + 1);
    strcpy(copy, name);
    return copy;
}
