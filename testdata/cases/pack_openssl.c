/* The OpenSSL pack: the peer certificate, the SNI name, a name entry and
 * a digest looked up by name may be absent (NULL); the certificate
 * accessors dereference their argument. */
#include <openssl/ssl.h>
#include <string.h>

int peer_common_name(SSL *ssl, char *name, size_t size)
{
    X509 *cert = SSL_get_peer_certificate(ssl);
    X509_NAME *subject = X509_get_subject_name(cert); // expect: unchecked-lookup
    int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, index);
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry); // expect: unchecked-lookup
    strncpy(name, (const char *)ASN1_STRING_get0_data(data), size);
    X509_free(cert);
    return 0;
}

int is_admin_host(const SSL *ssl)
{
    const char *host = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    return strcmp(host, "admin.example.com") == 0; // expect: unchecked-lookup
}

/* must stay silent */

int peer_common_name_checked(SSL *ssl, char *name, size_t size)
{
    X509 *cert = SSL_get_peer_certificate(ssl);
    if (cert == NULL)
        return -1;
    X509_NAME *subject = X509_get_subject_name(cert);
    int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, index);
    if (entry == NULL) {
        X509_free(cert);
        return -1;
    }
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(entry);
    strncpy(name, (const char *)ASN1_STRING_get0_data(data), size);
    X509_free(cert);
    return 0;
}

int is_admin_host_checked(const SSL *ssl)
{
    const char *host = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    return host != NULL && strcmp(host, "admin.example.com") == 0;
}
