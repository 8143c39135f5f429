/* A stand-in for zlib's <zlib.h> with the gzip file declarations the
 * pack_zlib cases use (same names, signatures and gzgetc macro as zlib
 * 1.2.13), so they parse without zlib1g-dev. Not the real header. */
#ifndef NULLPROOF_TEST_ZLIB_H
#define NULLPROOF_TEST_ZLIB_H

#include <sys/types.h>

typedef long z_off64_t;

struct gzFile_s {
    unsigned have;
    unsigned char *next;
    z_off64_t pos;
};
typedef struct gzFile_s *gzFile;

gzFile gzopen(const char *path, const char *mode);
gzFile gzdopen(int fd, const char *mode);
int gzread(gzFile file, void *buf, unsigned len);
int gzwrite(gzFile file, const void *buf, unsigned len);
char *gzgets(gzFile file, char *buf, int len);
int gzgetc(gzFile file);
int gzclose(gzFile file);

#define gzgetc(g) \
    ((g)->have ? ((g)->have--, (g)->pos++, *((g)->next)++) : (gzgetc)(g))

#endif
