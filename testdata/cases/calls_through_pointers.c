/* Calling through a function pointer uses it like a dereference: a symbol
 * looked up with dlsym(), through a cast, directly or as (*fp)(), and a
 * callback field that the function itself tests on one path only. A
 * pointer nothing says may be NULL (a parameter, a field never tested) is
 * not reported. */
#include <dlfcn.h>
#include <stddef.h>

typedef int (*init_function)(void);

struct stream {
    int (*read_cb)(struct stream *stream);
    void (*close_cb)(struct stream *stream);
    int fd;
};

int load_plugin(void *handle)
{
    init_function entry = (init_function)dlsym(handle, "plugin_init");
    return entry(); // expect: unchecked-nullable
}

int load_plugin_star(void *handle)
{
    int (*entry)(void) = (int (*)(void))dlsym(handle, "plugin_init");
    return (*entry)(); // expect: unchecked-nullable
}

int load_plugin_checked(void *handle)
{
    init_function entry = (init_function)dlsym(handle, "plugin_init");
    if (entry == NULL)
        return -1;
    return entry();
}

int load_plugin_or_default(void *handle, init_function fallback)
{
    init_function entry = (init_function)dlsym(handle, "plugin_init");
    if (!entry)
        entry = fallback;
    return (*entry)();
}

int pump(struct stream *stream)
{
    if (stream->read_cb)
        stream->fd = 0;
    return stream->read_cb(stream); // expect: null-deref
}

int pump_checked(struct stream *stream)
{
    if (stream->read_cb)
        return stream->read_cb(stream);
    return 0;
}

void finish(struct stream *stream)
{
    stream->close_cb(stream); /* never tested: the stream's contract */
}

int run_callback(int (*callback)(void))
{
    return callback();
}

/* *table is read and may be NULL; the function it holds is then called. */
int dispatch(init_function **table)
{
    if (!*table)
        return 0;
    return (**table)();
}
