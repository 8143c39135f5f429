/* Clang's nullability qualifiers: a _Nullable result is a nullable source,
 * a _Nonnull parameter is a sink, _Null_unspecified says nothing (like no
 * qualifier). A _Nullable field, parameter or variable may be NULL wherever
 * the code has not tested it. */
#include <stddef.h>
#include <string.h>

struct route {
    struct route *_Nullable fallback;
    const char *_Nonnull path;
};

struct route *_Nullable route_find(const char *path);
const char *_Null_unspecified route_label(const struct route *route);
void route_install(struct route *_Nonnull route);
size_t route_depth(const struct route *_Nonnull route, const char *_Nullable prefix);

int route_is_static(const char *path)
{
    struct route *route = route_find(path);
    return route->path[0] == '/'; // expect: unchecked-nullable
}

void route_enable(const char *path)
{
    route_install(route_find(path)); // expect: unchecked-nullable
}

size_t route_depth_of(const char *path)
{
    return route_depth(route_find(path), NULL); // expect: unchecked-nullable
}

char fallback_initial(const struct route *route)
{
    return route->fallback->path[0]; // expect: unchecked-nullable
}

size_t prefix_length(const char *_Nullable prefix)
{
    return strlen(prefix); // expect: unchecked-nullable
}

/* must stay silent */

int route_is_static_checked(const char *path)
{
    struct route *route = route_find(path);
    if (route == NULL)
        return 0;
    return route->path[0] == '/';
}

void route_enable_checked(const char *path)
{
    struct route *route = route_find(path);
    if (route)
        route_install(route);
}

/* A _Nullable parameter may be given NULL. */
size_t route_depth_without_prefix(const struct route *route)
{
    return route_depth(route, NULL);
}

/* _Null_unspecified: unknown, like an unannotated pointer. */
size_t route_label_length(const struct route *route)
{
    return strlen(route_label(route));
}

char fallback_initial_checked(const struct route *route)
{
    return route->fallback != NULL ? route->fallback->path[0] : route->path[0];
}

size_t prefix_length_checked(const char *_Nullable prefix)
{
    if (!prefix)
        return 0;
    return strlen(prefix);
}
