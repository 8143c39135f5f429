/* A search of the file whose result at least six call sites use and at
 * most a third of them test: the program believes it finds for what it
 * asks (mtools's GetFs(), a walk up a stream's layers to the file system
 * that 13 of 14 sites use unchecked). Where more sites test, the untested
 * ones are reported; an allocation's failure counts whatever the votes say
 * (callers that leave it unchecked are the bug). */
#include <stdlib.h>

struct stream {
    int kind;
    int block_size;
    struct stream *next;
};

enum { KIND_FILE_SYSTEM = 1 };

static struct stream *file_system_of(struct stream *stream)
{
    while (stream && stream->kind != KIND_FILE_SYSTEM)
        stream = stream->next;
    return stream;
}

static struct stream *buffer_layer_of(struct stream *stream)
{
    for (; stream; stream = stream->next)
        if (stream->kind == 2)
            return stream;
    return NULL;
}

static struct stream *stream_new(int kind)
{
    struct stream *stream = calloc(1, sizeof *stream);
    if (!stream)
        return NULL;
    stream->kind = kind;
    return stream;
}

/* must stay silent */

int block_size(struct stream *stream)
{
    return file_system_of(stream)->block_size;
}

int block_size_doubled(struct stream *stream)
{
    return 2 * file_system_of(stream)->block_size;
}

int block_size_halved(struct stream *stream)
{
    return file_system_of(stream)->block_size / 2;
}

int file_system_kind(struct stream *stream)
{
    return file_system_of(stream)->kind;
}

struct stream *file_system_next(struct stream *stream)
{
    return file_system_of(stream)->next;
}

int block_size_or_default(struct stream *stream)
{
    struct stream *file_system = file_system_of(stream);
    return file_system ? file_system->block_size : 512;
}

int block_size_plus(struct stream *stream)
{
    return file_system_of(stream)->block_size + 1;
}

/* must be reported */

int buffer_size(struct stream *stream)
{
    return buffer_layer_of(stream)->block_size; // expect: unchecked-lookup
}

int buffer_kind(struct stream *stream)
{
    return buffer_layer_of(stream)->kind; // expect: unchecked-lookup
}

int buffer_size_doubled(struct stream *stream)
{
    return 2 * buffer_layer_of(stream)->block_size; // expect: unchecked-lookup
}

int buffer_size_or_zero(struct stream *stream)
{
    struct stream *buffer = buffer_layer_of(stream);
    return buffer ? buffer->block_size : 0;
}

int buffer_kind_or_zero(struct stream *stream)
{
    struct stream *buffer = buffer_layer_of(stream);
    return buffer ? buffer->kind : 0;
}

struct stream *buffer_next_or_none(struct stream *stream)
{
    struct stream *buffer = buffer_layer_of(stream);
    return buffer ? buffer->next : NULL;
}

int new_kind(void)
{
    return stream_new(1)->kind; // expect: unchecked-alloc
}

int new_size(void)
{
    return stream_new(2)->block_size; // expect: unchecked-alloc
}

struct stream *new_next(void)
{
    return stream_new(3)->next; // expect: unchecked-alloc
}

int new_kind_twice(void)
{
    return 2 * stream_new(4)->kind; // expect: unchecked-alloc
}

int new_size_twice(void)
{
    return 2 * stream_new(5)->block_size; // expect: unchecked-alloc
}

int new_kind_checked(void)
{
    struct stream *stream = stream_new(6);
    if (!stream)
        return -1;
    int kind = stream->kind;
    free(stream);
    return kind;
}
