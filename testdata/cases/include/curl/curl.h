/* A stand-in for libcurl's <curl/curl.h> with the declarations the
 * pack_curl cases use (same names and signatures as libcurl 8), so they
 * parse without libcurl installed. Not the real header. */
#ifndef NULLPROOF_TEST_CURL_H
#define NULLPROOF_TEST_CURL_H

#include <stddef.h>

typedef void CURL;

typedef enum { CURLE_OK = 0, CURLE_FAILED_INIT = 2, CURLE_BAD_FUNCTION_ARGUMENT = 43 } CURLcode;

typedef enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_WRITEFUNCTION = 20011
} CURLoption;

#define CURLINFO_STRING 0x100000
#define CURLINFO_LONG 0x200000
typedef enum {
    CURLINFO_EFFECTIVE_URL = CURLINFO_STRING + 1,
    CURLINFO_RESPONSE_CODE = CURLINFO_LONG + 2,
    CURLINFO_CONTENT_TYPE = CURLINFO_STRING + 18,
    CURLINFO_REDIRECT_URL = CURLINFO_STRING + 31,
    CURLINFO_SCHEME = CURLINFO_STRING + 49
} CURLINFO;

struct curl_slist {
    char *data;
    struct curl_slist *next;
};

CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...);
void curl_easy_cleanup(CURL *curl);
char *curl_easy_escape(CURL *handle, const char *string, int length);
void curl_free(void *p);
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data);
void curl_slist_free_all(struct curl_slist *list);
const char *curl_easy_strerror(CURLcode code);

#endif
