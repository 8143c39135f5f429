#ifndef NAMES_H
#define NAMES_H

/* Writes `name` as length-prefixed labels at p; NULL when a `limit` is
 * given and the name does not fit before it. */
unsigned char *put_name(unsigned char *p, const char *name, const unsigned char *limit);

#endif
