/* A stand-in for uthash's <uthash.h> with the lookup macros the
 * pack_uthash cases use, built the way uthash 2.x builds them (out = NULL,
 * then a walk of the key's bucket that ends with out NULL when nothing
 * matched), so the cases parse without uthash installed. Not the real
 * header: one bucket, a simple hash. */
#ifndef NULLPROOF_TEST_UTHASH_H
#define NULLPROOF_TEST_UTHASH_H

#include <stddef.h>
#include <string.h>

typedef struct UT_hash_handle {
    struct UT_hash_table *tbl;
    void *prev;
    void *next;
    struct UT_hash_handle *hh_prev;
    struct UT_hash_handle *hh_next;
    const void *key;
    unsigned keylen;
    unsigned hashv;
} UT_hash_handle;

typedef struct UT_hash_bucket {
    struct UT_hash_handle *hh_head;
    unsigned count;
} UT_hash_bucket;

typedef struct UT_hash_table {
    UT_hash_bucket *buckets;
    unsigned num_buckets;
    unsigned num_items;
    ptrdiff_t hho;
} UT_hash_table;

#define DECLTYPE(x) (__typeof(x))
#define DECLTYPE_ASSIGN(dst, src)                                                                  \
    do {                                                                                           \
        (dst) = DECLTYPE(dst)(src);                                                                \
    } while (0)
#define ELMT_FROM_HH(tbl, hhp) ((void *)(((char *)(hhp)) - ((tbl)->hho)))
#define HASH_KEYCMP(a, b, n) memcmp(a, b, n)
#define HASH_VALUE(keyptr, keylen, hashv)                                                          \
    do {                                                                                           \
        const unsigned char *_hv_key = (const unsigned char *)(keyptr);                            \
        unsigned _hv_i;                                                                            \
        (hashv) = 0;                                                                               \
        for (_hv_i = 0; _hv_i < (unsigned)(keylen); _hv_i++)                                       \
            (hashv) = (hashv) * 31u + _hv_key[_hv_i];                                              \
    } while (0)
#define HASH_TO_BKT(hashv, num_bkts, bkt)                                                          \
    do {                                                                                           \
        (bkt) = ((hashv) & ((num_bkts) - 1U));                                                     \
    } while (0)

#define HASH_FIND_IN_BKT(tbl, hh, head, keyptr, keylen_in, hashval, out)                           \
    do {                                                                                           \
        if ((head).hh_head != NULL) {                                                              \
            DECLTYPE_ASSIGN(out, ELMT_FROM_HH(tbl, (head).hh_head));                               \
        } else {                                                                                   \
            (out) = NULL;                                                                          \
        }                                                                                          \
        while ((out) != NULL) {                                                                    \
            if ((out)->hh.hashv == (hashval) && (out)->hh.keylen == (keylen_in)) {                 \
                if (HASH_KEYCMP((out)->hh.key, keyptr, keylen_in) == 0)                            \
                    break;                                                                         \
            }                                                                                      \
            if ((out)->hh.hh_next != NULL) {                                                       \
                DECLTYPE_ASSIGN(out, ELMT_FROM_HH(tbl, (out)->hh.hh_next));                        \
            } else {                                                                               \
                (out) = NULL;                                                                      \
            }                                                                                      \
        }                                                                                          \
    } while (0)

#define HASH_FIND_BYHASHVALUE(hh, head, keyptr, keylen, hashval, out)                              \
    do {                                                                                           \
        (out) = NULL;                                                                              \
        if (head) {                                                                                \
            unsigned _hf_bkt;                                                                      \
            HASH_TO_BKT(hashval, (head)->hh.tbl->num_buckets, _hf_bkt);                            \
            HASH_FIND_IN_BKT((head)->hh.tbl, hh, (head)->hh.tbl->buckets[_hf_bkt], keyptr, keylen, \
                             hashval, out);                                                        \
        }                                                                                          \
    } while (0)

#define HASH_FIND(hh, head, keyptr, keylen, out)                                                   \
    do {                                                                                           \
        (out) = NULL;                                                                              \
        if (head) {                                                                                \
            unsigned _hf_hashv;                                                                    \
            HASH_VALUE(keyptr, keylen, _hf_hashv);                                                 \
            HASH_FIND_BYHASHVALUE(hh, head, keyptr, keylen, _hf_hashv, out);                       \
        }                                                                                          \
    } while (0)

#define HASH_FIND_STR(head, findstr, out)                                                          \
    do {                                                                                           \
        unsigned _uthash_hfstr_keylen = (unsigned)strlen(findstr);                                 \
        HASH_FIND(hh, head, findstr, _uthash_hfstr_keylen, out);                                   \
    } while (0)
#define HASH_FIND_INT(head, findint, out) HASH_FIND(hh, head, findint, sizeof(int), out)
#define HASH_COUNT(head) ((head != NULL) ? ((head)->hh.tbl->num_items) : 0U)

#endif
