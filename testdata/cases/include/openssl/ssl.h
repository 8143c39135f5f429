/* A stand-in for OpenSSL's <openssl/ssl.h> and <openssl/x509.h> with the
 * declarations the pack_openssl cases use (same names and signatures as
 * OpenSSL 3), so they parse without OpenSSL installed. Not the real
 * header. */
#ifndef NULLPROOF_TEST_OPENSSL_SSL_H
#define NULLPROOF_TEST_OPENSSL_SSL_H

typedef struct ssl_st SSL;
typedef struct x509_st X509;
typedef struct X509_name_st X509_NAME;
typedef struct X509_name_entry_st X509_NAME_ENTRY;
typedef struct asn1_string_st ASN1_STRING;
typedef struct evp_md_st EVP_MD;

#define TLSEXT_NAMETYPE_host_name 0
#define NID_commonName 13

X509 *SSL_get1_peer_certificate(const SSL *s);
#define SSL_get_peer_certificate SSL_get1_peer_certificate
const char *SSL_get_servername(const SSL *s, const int type);
X509_NAME *X509_get_subject_name(const X509 *x);
int X509_NAME_get_index_by_NID(const X509_NAME *name, int nid, int lastpos);
X509_NAME_ENTRY *X509_NAME_get_entry(const X509_NAME *name, int loc);
ASN1_STRING *X509_NAME_ENTRY_get_data(const X509_NAME_ENTRY *ne);
const unsigned char *ASN1_STRING_get0_data(const ASN1_STRING *x);
int ASN1_STRING_length(const ASN1_STRING *x);
void X509_free(X509 *a);
const EVP_MD *EVP_get_digestbyname(const char *name);
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
#define SSL_VERIFY_PEER 0x01
#define SSL_OP_NO_COMPRESSION 0x00020000UL
const SSL_METHOD *TLS_client_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
void SSL_CTX_free(SSL_CTX *ctx);
unsigned long SSL_CTX_set_options(SSL_CTX *ctx, unsigned long op);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, int (*callback)(int, void *));
int SSL_CTX_set_cipher_list(SSL_CTX *ctx, const char *str);
int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type);
SSL *SSL_new(SSL_CTX *ctx);
int SSL_set_fd(SSL *s, int fd);
int SSL_connect(SSL *ssl);
int EVP_MD_get_size(const EVP_MD *md);

#endif
