#ifndef ARRAY_H
#define ARRAY_H

struct array {
    void *elements;
    unsigned count, size, capacity;
};

/* count is 0 on every return */
int array_init(struct array *array, unsigned capacity, unsigned size);
/* count is 0 only where the allocation failed */
int array_open(struct array *array, unsigned capacity, unsigned size);

#endif
