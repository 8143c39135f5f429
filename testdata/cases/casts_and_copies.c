/* Casts, parentheses, conversions through void * and conditional expressions
 * keep a value's nullability: a cast does not make it safe, nor unsafe. */
#include <stdlib.h>
#include <string.h>

struct packet {
    unsigned char kind;
    unsigned short length;
    unsigned char payload[64];
};

struct packet *packet_new(unsigned char kind)
{
    struct packet *packet = (struct packet *)malloc(sizeof(struct packet));
    packet->kind = kind; // expect: unchecked-alloc
    return packet;
}

unsigned char packet_kind_of(const void *raw)
{
    const struct packet *packet = raw;
    return packet->kind;
}

unsigned short copied_length(void)
{
    void *block = calloc(1, sizeof(struct packet));
    struct packet *packet = block;
    unsigned short length = ((struct packet *)packet)->length; // expect: unchecked-alloc
    free(block);
    return length;
}

char *maybe_buffer(size_t size)
{
    char *buffer = size > 0 ? malloc(size) : NULL;
    (buffer)[0] = '\0'; // expect: unchecked-alloc
    return buffer;
}

size_t option_length(void)
{
    const char *value = (const char *)getenv("OPTION");
    return strlen((char *)value); // expect: unchecked-lookup
}

/* must stay silent */

struct packet *packet_new_checked(unsigned char kind)
{
    struct packet *packet = (struct packet *)malloc(sizeof(struct packet));
    if ((void *)packet == NULL)
        return NULL;
    packet->kind = kind;
    return packet;
}

unsigned short copied_length_checked(void)
{
    void *block = calloc(1, sizeof(struct packet));
    if (!block)
        return 0;
    struct packet *packet = block;
    unsigned short length = packet->length;
    free(block);
    return length;
}

char *maybe_buffer_checked(size_t size)
{
    char *buffer = size > 0 ? malloc(size) : NULL;
    if (buffer != NULL)
        buffer[0] = '\0';
    return buffer;
}
