/* The OpenSSL pack beyond certificates: EVP contexts that cannot be
 * allocated, digests that are unknown, functions that dereference the
 * context they are given, SSL_CTX_new and the SSL_CTX_set_* family, BIO
 * constructors and the PEM readers. */
#include <openssl/evp.h>
#include <openssl/ssl.h>

int digest_start(const char *name)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    return EVP_DigestInit_ex(context, EVP_sha256(), NULL); // expect: unchecked-alloc
    (void)name;
}

int digest_old_style(const void *data, size_t size)
{
    EVP_MD_CTX *context = EVP_MD_CTX_create();
    EVP_DigestInit_ex(context, EVP_sha256(), NULL); // expect: unchecked-alloc
    return EVP_DigestUpdate(context, data, size);
}

int encrypt_start(const unsigned char *key, const unsigned char *iv)
{
    EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
    return EVP_EncryptInit_ex(context, EVP_aes_128_gcm(), NULL, key, iv); // expect: unchecked-alloc
}

SSL_CTX *client_context(void)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_options(context, SSL_OP_NO_COMPRESSION); // expect: unchecked-nullable
    return context;
}

int strict_client(const char *ciphers)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL); // expect: unchecked-nullable
    return SSL_CTX_set_cipher_list(context, ciphers);
}

int connect_on(SSL_CTX *context, int fd)
{
    SSL *ssl = SSL_new(context);
    SSL_set_fd(ssl, fd); // expect: unchecked-nullable
    return SSL_connect(ssl);
}

int is_rsa(const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    EVP_PKEY *key = PEM_read_bio_PUBKEY(in, NULL, NULL, NULL);
    BIO_free(in);
    RSA *rsa = EVP_PKEY_get1_RSA(key); // expect: unchecked-nullable
    RSA_free(rsa);
    return rsa != NULL;
}

/* must stay silent */

int digest_start_checked(void)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL)
        return 0;
    int ok = EVP_DigestInit_ex(context, EVP_sha256(), NULL);
    EVP_MD_CTX_free(context);
    return ok;
}

int digest_old_style_checked(const void *data, size_t size)
{
    EVP_MD_CTX *context = EVP_MD_CTX_create();
    if (!context)
        return 0;
    EVP_DigestInit_ex(context, EVP_sha256(), NULL);
    return EVP_DigestUpdate(context, data, size);
}

int reinitialise(EVP_MD_CTX *context)
{
    /* a NULL type reuses the context's digest */
    return EVP_DigestInit_ex(context, NULL, NULL);
}

int encrypt_start_checked(const unsigned char *key, const unsigned char *iv)
{
    EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
    if (!context)
        return 0;
    int ok = EVP_EncryptInit_ex(context, EVP_aes_128_gcm(), NULL, key, iv);
    EVP_CIPHER_CTX_free(context);
    return ok;
}

SSL_CTX *client_context_checked(void)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (context == NULL)
        return NULL;
    SSL_CTX_set_options(context, SSL_OP_NO_COMPRESSION);
    return context;
}

int strict_client_checked(const char *ciphers)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (!context)
        return 0;
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL);
    return SSL_CTX_set_cipher_list(context, ciphers);
}

int connect_on_checked(SSL_CTX *context, int fd)
{
    /* SSL_new answers a NULL context with NULL itself */
    SSL *ssl = SSL_new(context);
    if (!ssl)
        return -1;
    SSL_set_fd(ssl, fd);
    return SSL_connect(ssl);
}

int is_rsa_checked(const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    EVP_PKEY *key = PEM_read_bio_PUBKEY(in, NULL, NULL, NULL); /* NULL for a NULL BIO */
    BIO_free(in);
    if (!key)
        return 0;
    RSA *rsa = EVP_PKEY_get1_RSA(key);
    EVP_PKEY_free(key);
    RSA_free(rsa);
    return rsa != NULL;
}

int key_bits_of(EVP_PKEY *fallback, const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    EVP_PKEY *key = PEM_read_bio_PUBKEY(in, NULL, NULL, NULL);
    BIO_free(in);
    /* EVP_PKEY_get_bits answers NULL with 0 */
    return EVP_PKEY_get_bits(key) + EVP_PKEY_get_bits(fallback);
}
