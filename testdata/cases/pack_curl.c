/* The libcurl pack: curl_easy_init fails with NULL (and the easy
 * functions then silently do nothing), curl_easy_escape and
 * curl_slist_append allocate. */
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

/* must stay silent */

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
