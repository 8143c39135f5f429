/* The SQLite pack: sqlite3_column_text answers an SQL NULL (or running out
 * of memory) with NULL; sqlite3_mprintf allocates. */
#include <sqlite3.h>
#include <string.h>

size_t name_length(sqlite3_stmt *stmt)
{
    const char *name = (const char *)sqlite3_column_text(stmt, 1);
    return strlen(name); // expect: unchecked-nullable
}

void copy_title(sqlite3_stmt *stmt, char *title, size_t size)
{
    const unsigned char *text = sqlite3_column_text(stmt, 0);
    if (size > 0 && text[0] != '\0') // expect: unchecked-nullable
        strncpy(title, (const char *)text, size - 1);
}

char first_letter(const char *table)
{
    char *sql = sqlite3_mprintf("SELECT name FROM %q", table);
    char letter = sql[0]; // expect: unchecked-alloc
    sqlite3_free(sql);
    return letter;
}

/* must stay silent */

size_t name_length_checked(sqlite3_stmt *stmt)
{
    const char *name = (const char *)sqlite3_column_text(stmt, 1);
    if (name == NULL)
        return 0; /* SQL NULL */
    return strlen(name);
}

int count_rows(sqlite3 *db)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id FROM users", -1, &stmt, NULL) != SQLITE_OK)
        return -1;
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        rows += sqlite3_column_int(stmt, 0) > 0;
    sqlite3_finalize(stmt);
    return rows;
}
