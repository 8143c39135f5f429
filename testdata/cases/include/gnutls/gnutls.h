/* A stand-in for GnuTLS's <gnutls/gnutls.h> with the declarations the
 * pack_gnutls cases use (same names and signatures as GnuTLS 3.7), so
 * they parse without libgnutls28-dev. Not the real header. */
#ifndef NULLPROOF_TEST_GNUTLS_H
#define NULLPROOF_TEST_GNUTLS_H

typedef struct gnutls_session_int *gnutls_session_t;
typedef struct {
    unsigned char *data;
    unsigned int size;
} gnutls_datum_t;
typedef enum { GNUTLS_CIPHER_UNKNOWN = 0, GNUTLS_CIPHER_AES_128_GCM = 93 } gnutls_cipher_algorithm_t;
typedef enum { GNUTLS_TLS1_2 = 4, GNUTLS_TLS1_3 = 5 } gnutls_protocol_t;

const gnutls_datum_t *gnutls_certificate_get_peers(gnutls_session_t session,
                                                   unsigned int *list_size);
const gnutls_datum_t *gnutls_certificate_get_ours(gnutls_session_t session);
gnutls_cipher_algorithm_t gnutls_cipher_get(gnutls_session_t session);
const char *gnutls_cipher_get_name(gnutls_cipher_algorithm_t algorithm);
gnutls_protocol_t gnutls_protocol_get_version(gnutls_session_t session);
const char *gnutls_protocol_get_name(gnutls_protocol_t version);

#endif
