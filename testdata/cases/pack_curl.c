/* The libcurl pack: curl_easy_init fails with NULL (and the easy
 * functions then silently do nothing), curl_easy_escape and
 * curl_slist_append allocate, and curl_easy_getinfo leaves the string
 * of some infos NULL (no Content-Type, no redirect): out-null-if. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

int fetch(const char *url)
{
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url); // expect: unchecked-nullable
    CURLcode result = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return result == CURLE_OK ? 0 : -1;
}

size_t escaped_length(CURL *curl, const char *query)
{
    char *escaped = curl_easy_escape(curl, query, 0);
    size_t length = strlen(escaped); // expect: unchecked-alloc
    curl_free(escaped);
    return length;
}

const char *first_header(void)
{
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    return headers->data; // expect: unchecked-alloc
}

int is_json(CURL *curl)
{
    char *type = NULL;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    return strncmp(type, "application/json", 16) == 0; // expect: unchecked-nullable
}

size_t redirect_length(CURL *curl)
{
    char *location;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) != CURLE_OK)
        return 0;
    return strlen(location); // expect: unchecked-nullable
}

/* must stay silent */

int is_json_checked(CURL *curl)
{
    char *type = NULL;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    return type && strncmp(type, "application/json", 16) == 0;
}

size_t redirect_length_checked(CURL *curl)
{
    char *location = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) != CURLE_OK || !location)
        return 0;
    return strlen(location);
}

size_t effective_url_length(CURL *curl)
{
    /* the effective URL is always there: not one of the NULL-able infos */
    char *url;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &url);
    return strlen(url);
}

long status_of(CURL *curl)
{
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

int fetch_checked(const char *url)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return -1;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    CURLcode result = curl_easy_perform(curl);
    if (result != CURLE_OK)
        fprintf(stderr, "fetch %s: %s\n", url, curl_easy_strerror(result));
    curl_easy_cleanup(curl);
    return result == CURLE_OK ? 0 : -1;
}

size_t escaped_length_checked(CURL *curl, const char *query)
{
    char *escaped = curl_easy_escape(curl, query, 0);
    if (escaped == NULL)
        return 0;
    size_t length = strlen(escaped);
    curl_free(escaped);
    return length;
}
