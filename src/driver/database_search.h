/*
 * database_search: finds the compile_commands.json that applies to a
 * source when no -p was given, like clang-tidy: upward from the file's
 * directory, in each directory and in a build/ folder beside it. Results
 * are cached per directory; each database is loaded once. Used from the
 * driver's thread only.
 */
#ifndef NULLPROOF_DATABASE_SEARCH_H
#define NULLPROOF_DATABASE_SEARCH_H

#include "../frontend/compile_db.h"
#include "messages.h"

struct database_search;

struct database_search *database_search_create(void);

/* The database for the source at `absolute_path`, or NULL when there is
 * none. A database that exists but cannot be loaded is reported once in
 * `messages` (as an error) and then treated as absent. */
const struct compile_database *database_search_find(struct database_search *search,
                                                    const char *absolute_path,
                                                    struct message_list *messages);

/* Frees the search and every database it loaded. */
void database_search_free(struct database_search *search);

#endif
