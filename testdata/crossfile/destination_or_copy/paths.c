/* A function whose NULL return needs the caller's buffer (rsync's
 * sanitize_path(dest, p, rootdir, depth, flags)). For a caller that
 * passes none, `dest == p` would mean a NULL p, which the code after
 * dereferences: callers in other files that pass no buffer get no NULL. */
#include <stdlib.h>
#include <string.h>

#include "paths.h"

int relative_paths;
static const char *default_root = "/srv";

char *clean_path(char *dest, const char *p, const char *root, int flags)
{
    size_t skipped = 0;
    int drop_dots = !relative_paths || !(flags & 1);
    if (dest != p) {
        size_t length = strlen(p);
        if (*p == '/') {
            if (!root)
                root = default_root;
            skipped = strlen(root);
        }
        if (!dest) {
            dest = malloc(length + skipped + 1);
            if (!dest)
                abort();
        } else if (length + skipped >= 4096) {
            return NULL;
        }
    }
    char *out = dest + skipped;
    if (p[0] == '.' && p[1] == '/' && drop_dots)
        p += 2;
    strcpy(out, p);
    return dest;
}
