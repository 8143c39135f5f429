#ifndef MEM_H
#define MEM_H

#include <stddef.h>

/* exits when memory runs out: never NULL */
void *zalloc(size_t size);
/* NULL when memory runs out */
void *try_alloc(size_t size);

#endif
