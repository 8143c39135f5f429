/* The GnuTLS pack: no peer certificate is NULL, and the *_get_name
 * functions answer an unknown algorithm with NULL. */
#include <gnutls/gnutls.h>
#include <string.h>

unsigned first_certificate_size(gnutls_session_t session)
{
    unsigned count;
    const gnutls_datum_t *certificates = gnutls_certificate_get_peers(session, &count);
    return certificates[0].size; // expect: unchecked-lookup
}

unsigned own_certificate_size(gnutls_session_t session)
{
    const gnutls_datum_t *mine = gnutls_certificate_get_ours(session);
    return mine->size; // expect: unchecked-lookup
}

size_t cipher_name_length(gnutls_session_t session)
{
    return strlen(gnutls_cipher_get_name(gnutls_cipher_get(session))); // expect: unchecked-lookup
}

char protocol_initial(gnutls_session_t session)
{
    const char *name = gnutls_protocol_get_name(gnutls_protocol_get_version(session));
    return name[0]; // expect: unchecked-lookup
}

/* must stay silent */

unsigned first_certificate_size_checked(gnutls_session_t session)
{
    unsigned count = 0;
    const gnutls_datum_t *certificates = gnutls_certificate_get_peers(session, &count);
    if (certificates == NULL || count == 0)
        return 0;
    return certificates[0].size;
}

unsigned own_certificate_size_checked(gnutls_session_t session)
{
    const gnutls_datum_t *mine = gnutls_certificate_get_ours(session);
    return mine ? mine->size : 0;
}

size_t cipher_name_length_checked(gnutls_session_t session)
{
    const char *name = gnutls_cipher_get_name(gnutls_cipher_get(session));
    return name ? strlen(name) : 0;
}

char protocol_initial_checked(gnutls_session_t session)
{
    const char *name = gnutls_protocol_get_name(gnutls_protocol_get_version(session));
    if (!name)
        return '?';
    return name[0];
}
