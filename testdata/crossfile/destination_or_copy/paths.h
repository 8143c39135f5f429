#ifndef PATHS_H
#define PATHS_H

/* Cleans path `p` into `dest`, or into a new buffer when `dest` is NULL;
 * NULL only when the caller's buffer cannot hold it. */
char *clean_path(char *dest, const char *p, const char *root, int flags);

/* Whether paths are kept relative (a global the function tests first). */
extern int relative_paths;

#endif
