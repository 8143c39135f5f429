/* A stand-in for GLib's <glib.h> with the declarations and macros the
 * pack_glib cases use, shaped like GLib 2.x's own (g_return_val_if_fail
 * expands to an if with a warning call and a return), so the cases parse
 * without GLib installed. Not the real header. */
#ifndef NULLPROOF_TEST_GLIB_H
#define NULLPROOF_TEST_GLIB_H

#include <stddef.h>

typedef char gchar;
typedef int gint;
typedef unsigned int guint;
typedef gint gboolean;
typedef void *gpointer;
typedef const void *gconstpointer;
typedef size_t gsize;
typedef long gssize;

#define TRUE 1
#define FALSE 0
#define G_LOG_DOMAIN ((gchar *)0)
#define G_STRFUNC ((const char *)(__func__))
#define G_STMT_START do
#define G_STMT_END while (0)
#define G_GNUC_EXTENSION __extension__
#define _G_BOOLEAN_EXPR(expr)                                                                      \
    G_GNUC_EXTENSION({                                                                             \
        int _g_boolean_var_;                                                                       \
        if (expr)                                                                                  \
            _g_boolean_var_ = 1;                                                                   \
        else                                                                                       \
            _g_boolean_var_ = 0;                                                                   \
        _g_boolean_var_;                                                                           \
    })
#define G_LIKELY(expr) (__builtin_expect(_G_BOOLEAN_EXPR(expr), 1))

typedef struct _GHashTable GHashTable;
typedef struct _GTree GTree;
typedef struct _GQueue GQueue;
typedef struct _GKeyFile GKeyFile;
typedef struct _GList GList;
struct _GList {
    gpointer data;
    GList *next;
    GList *prev;
};
typedef struct _GError {
    guint domain;
    gint code;
    gchar *message;
} GError;
typedef guint (*GHashFunc)(gconstpointer key);
typedef gboolean (*GEqualFunc)(gconstpointer a, gconstpointer b);

GHashTable *g_hash_table_new(GHashFunc hash_func, GEqualFunc key_equal_func);
gboolean g_hash_table_insert(GHashTable *hash_table, gpointer key, gpointer value);
gpointer g_hash_table_lookup(GHashTable *hash_table, gconstpointer key);
gboolean g_hash_table_lookup_extended(GHashTable *hash_table, gconstpointer lookup_key,
                                      gpointer *orig_key, gpointer *value);
gpointer g_tree_lookup(GTree *tree, gconstpointer key);
GList *g_list_find(GList *list, gconstpointer data);
gpointer g_queue_pop_head(GQueue *queue);
const gchar *g_getenv(const gchar *variable);
gchar *g_strstr_len(const gchar *haystack, gssize haystack_len, const gchar *needle);
gchar *g_key_file_get_string(GKeyFile *key_file, const gchar *group_name, const gchar *key,
                             GError **error);
gpointer g_malloc(gsize n_bytes);
gpointer g_try_malloc(gsize n_bytes);
gpointer g_try_malloc_n(gsize n_blocks, gsize n_block_bytes);
void g_free(gpointer mem);
gsize g_strlcpy(gchar *dest, const gchar *src, gsize dest_size);
gchar *g_strdup(const gchar *str);
void g_return_if_fail_warning(const char *log_domain, const char *pretty_function,
                              const char *expression);

#define g_try_new(struct_type, n_structs)                                                          \
    ((struct_type *)g_try_malloc_n((n_structs), sizeof(struct_type)))

#define g_return_if_fail(expr)                                                                     \
    G_STMT_START                                                                                   \
    {                                                                                              \
        if (G_LIKELY(expr)) {                                                                      \
        } else {                                                                                   \
            g_return_if_fail_warning(G_LOG_DOMAIN, G_STRFUNC, #expr);                              \
            return;                                                                                \
        }                                                                                          \
    }                                                                                              \
    G_STMT_END

#define g_return_val_if_fail(expr, val)                                                            \
    G_STMT_START                                                                                   \
    {                                                                                              \
        if (G_LIKELY(expr)) {                                                                      \
        } else {                                                                                   \
            g_return_if_fail_warning(G_LOG_DOMAIN, G_STRFUNC, #expr);                              \
            return (val);                                                                          \
        }                                                                                          \
    }                                                                                              \
    G_STMT_END

#endif
