/*
 * builtin: the function facts compiled into nullproof, for the C library
 * and POSIX. This is the one table in the code that says which functions
 * return NULL, which arguments must not be NULL and which calls do not
 * return; attributes found in the headers (glibc's __nonnull, noreturn)
 * are added by the front end on top. Kept sorted by name (a unit test
 * checks) so lookups can bisect.
 */
#include "rules.h"

#include <string.h>

#define ARG(i) (1u << (i))

#define ALLOC(fn, why) {fn, SOURCE_ALLOC, 0, false, false, why, "builtin"}
#define LOOKUP(fn, args, why) {fn, SOURCE_LOOKUP, args, false, false, why, "builtin"}
#define NULLABLE(fn, args, why) {fn, SOURCE_NULLABLE, args, false, false, why, "builtin"}
#define SINK(fn, args) {fn, SOURCE_NONE, args, false, false, NULL, "builtin"}
#define NORETURN(fn) {fn, SOURCE_NONE, 0, true, false, NULL, "builtin"}

static const char FAILS_ALLOCATING[] = "returns NULL when allocation fails";
static const char NOT_FOUND[] = "returns NULL when nothing matches";
static const char NOT_SET[] = "returns NULL when the variable is not set";
static const char CANNOT_OPEN[] = "returns NULL when it cannot open";
static const char ON_ERROR[] = "returns NULL on error";
static const char AT_END[] = "returns NULL at the end";
static const char NO_ENTRY[] = "returns NULL when there is no such entry";

static const struct function_rule builtin_entries[] = {
    NORETURN("_Exit"),
    NORETURN("__assert"),
    NORETURN("__assert_fail"),
    NORETURN("__assert_perror_fail"),
    NORETURN("__builtin_trap"),
    NORETURN("__builtin_unreachable"),
    NORETURN("__stack_chk_fail"),
    NORETURN("_exit"),
    NORETURN("_longjmp"),
    NORETURN("abort"),
    ALLOC("aligned_alloc", FAILS_ALLOCATING),
    NULLABLE("asctime", 0, ON_ERROR),
    SINK("atof", ARG(0)),
    SINK("atoi", ARG(0)),
    SINK("atol", ARG(0)),
    SINK("atoll", ARG(0)),
    LOOKUP("bsearch", ARG(1) | ARG(4), NOT_FOUND),
    ALLOC("calloc", FAILS_ALLOCATING),
    SINK("closedir", ARG(0)),
    NULLABLE("ctime", ARG(0), ON_ERROR),
    NULLABLE("dlerror", 0, "returns NULL when no error occurred"),
    NULLABLE("dlopen", 0, "returns NULL when the library cannot be loaded"),
    NULLABLE("dlsym", ARG(1), "returns NULL when the symbol is not found"),
    NORETURN("err"),
    NORETURN("errx"),
    NORETURN("exit"),
    SINK("fclose", ARG(0)),
    NULLABLE("fdopen", ARG(1), CANNOT_OPEN),
    NULLABLE("fdopendir", 0, CANNOT_OPEN),
    SINK("feof", ARG(0)),
    SINK("ferror", ARG(0)),
    SINK("fgetc", ARG(0)),
    SINK("fgetpos", ARG(0) | ARG(1)),
    NULLABLE("fgets", ARG(0) | ARG(2), "returns NULL at end of file or on error"),
    SINK("fileno", ARG(0)),
    NULLABLE("fmemopen", ARG(2), CANNOT_OPEN),
    NULLABLE("fopen", ARG(0) | ARG(1), CANNOT_OPEN),
    SINK("fprintf", ARG(0) | ARG(1)),
    SINK("fputc", ARG(1)),
    SINK("fputs", ARG(0) | ARG(1)),
    SINK("fread", ARG(0) | ARG(3)),
    NULLABLE("freopen", ARG(1) | ARG(2), CANNOT_OPEN),
    SINK("fscanf", ARG(0) | ARG(1)),
    SINK("fseek", ARG(0)),
    SINK("fseeko", ARG(0)),
    SINK("fsetpos", ARG(0) | ARG(1)),
    SINK("ftell", ARG(0)),
    SINK("ftello", ARG(0)),
    SINK("fwrite", ARG(0) | ARG(3)),
    SINK("getc", ARG(0)),
    NULLABLE("getcwd", 0, ON_ERROR),
    LOOKUP("getenv", ARG(0), NOT_SET),
    NULLABLE("getgrgid", 0, NO_ENTRY),
    NULLABLE("getgrnam", ARG(0), NO_ENTRY),
    NULLABLE("gethostbyaddr", 0, ON_ERROR),
    NULLABLE("gethostbyname", ARG(0), ON_ERROR),
    SINK("getline", ARG(0) | ARG(1) | ARG(2)),
    NULLABLE("getlogin", 0, ON_ERROR),
    NULLABLE("getprotobyname", ARG(0), NO_ENTRY),
    NULLABLE("getpwnam", ARG(0), NO_ENTRY),
    NULLABLE("getpwuid", 0, NO_ENTRY),
    NULLABLE("getservbyname", ARG(0), NO_ENTRY),
    NULLABLE("gmtime", ARG(0), ON_ERROR),
    LOOKUP("hsearch", 0, NOT_FOUND),
    NULLABLE("if_indextoname", 0, ON_ERROR),
    LOOKUP("index", ARG(0), NOT_FOUND),
    NULLABLE("inet_ntop", 0, ON_ERROR),
    LOOKUP("lfind", ARG(1) | ARG(4), NOT_FOUND),
    NULLABLE("localtime", ARG(0), ON_ERROR),
    NORETURN("longjmp"),
    ALLOC("malloc", FAILS_ALLOCATING),
    ALLOC("memalign", FAILS_ALLOCATING),
    LOOKUP("memchr", ARG(0), NOT_FOUND),
    SINK("memcmp", ARG(0) | ARG(1)),
    SINK("memcpy", ARG(0) | ARG(1)),
    SINK("memmove", ARG(0) | ARG(1)),
    LOOKUP("memrchr", ARG(0), NOT_FOUND),
    SINK("memset", ARG(0)),
    NULLABLE("open_memstream", 0, CANNOT_OPEN),
    NULLABLE("opendir", ARG(0), CANNOT_OPEN),
    NULLABLE("popen", ARG(0) | ARG(1), CANNOT_OPEN),
    NORETURN("pthread_exit"),
    SINK("putc", ARG(1)),
    SINK("puts", ARG(0)),
    NORETURN("quick_exit"),
    NULLABLE("readdir", ARG(0), AT_END),
    ALLOC("realloc", FAILS_ALLOCATING),
    ALLOC("reallocarray", FAILS_ALLOCATING),
    NULLABLE("realpath", ARG(0), ON_ERROR),
    SINK("rewind", ARG(0)),
    LOOKUP("rindex", ARG(0), NOT_FOUND),
    LOOKUP("secure_getenv", ARG(0), NOT_SET),
    SINK("setbuf", ARG(0)),
    LOOKUP("setlocale", 0, "returns NULL when the locale cannot be set or queried"),
    SINK("setvbuf", ARG(0)),
    NORETURN("siglongjmp"),
    SINK("sprintf", ARG(0) | ARG(1)),
    SINK("sscanf", ARG(0) | ARG(1)),
    SINK("strcasecmp", ARG(0) | ARG(1)),
    LOOKUP("strcasestr", ARG(0) | ARG(1), NOT_FOUND),
    SINK("strcat", ARG(0) | ARG(1)),
    LOOKUP("strchr", ARG(0), NOT_FOUND),
    SINK("strcmp", ARG(0) | ARG(1)),
    SINK("strcoll", ARG(0) | ARG(1)),
    SINK("strcpy", ARG(0) | ARG(1)),
    SINK("strcspn", ARG(0) | ARG(1)),
    ALLOC("strdup", FAILS_ALLOCATING),
    SINK("strlen", ARG(0)),
    SINK("strncasecmp", ARG(0) | ARG(1)),
    SINK("strncat", ARG(0) | ARG(1)),
    SINK("strncmp", ARG(0) | ARG(1)),
    SINK("strncpy", ARG(0) | ARG(1)),
    ALLOC("strndup", FAILS_ALLOCATING),
    SINK("strnlen", ARG(0)),
    LOOKUP("strpbrk", ARG(0) | ARG(1), NOT_FOUND),
    LOOKUP("strrchr", ARG(0), NOT_FOUND),
    SINK("strspn", ARG(0) | ARG(1)),
    LOOKUP("strstr", ARG(0) | ARG(1), NOT_FOUND),
    SINK("strtod", ARG(0)),
    SINK("strtof", ARG(0)),
    NULLABLE("strtok", ARG(1), "returns NULL when no token is left"),
    NULLABLE("strtok_r", ARG(1) | ARG(2), "returns NULL when no token is left"),
    SINK("strtol", ARG(0)),
    SINK("strtold", ARG(0)),
    SINK("strtoll", ARG(0)),
    SINK("strtoul", ARG(0)),
    SINK("strtoull", ARG(0)),
    LOOKUP("tfind", ARG(1), NOT_FOUND),
    NULLABLE("tmpfile", 0, CANNOT_OPEN),
    NULLABLE("tsearch", ARG(1), FAILS_ALLOCATING),
    NULLABLE("ttyname", 0, ON_ERROR),
    SINK("ungetc", ARG(1)),
    ALLOC("valloc", FAILS_ALLOCATING),
    NORETURN("verr"),
    NORETURN("verrx"),
    SINK("vfprintf", ARG(0) | ARG(1)),
    SINK("vsprintf", ARG(0) | ARG(1)),
    LOOKUP("wcschr", ARG(0), NOT_FOUND),
    ALLOC("wcsdup", FAILS_ALLOCATING),
    LOOKUP("wcsrchr", ARG(0), NOT_FOUND),
    LOOKUP("wcsstr", ARG(0) | ARG(1), NOT_FOUND),
};

static const struct rule_set builtin_rules = {
    builtin_entries, (int)(sizeof builtin_entries / sizeof builtin_entries[0])};

const struct rule_set *rules_builtin(void)
{
    return &builtin_rules;
}

const struct function_rule *rules_find(const struct rule_set *rules, const char *name)
{
    if (!rules || !name)
        return NULL;
    int low = 0, high = rules->count - 1;
    while (low <= high) {
        int middle = low + (high - low) / 2;
        int order = strcmp(name, rules->entries[middle].name);
        if (order == 0)
            return &rules->entries[middle];
        if (order < 0)
            high = middle - 1;
        else
            low = middle + 1;
    }
    return NULL;
}
