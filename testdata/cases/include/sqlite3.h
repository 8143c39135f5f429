/* A stand-in for SQLite's <sqlite3.h> with the declarations the
 * pack_sqlite cases use (same names and signatures as SQLite 3), so they
 * parse without SQLite installed. Not the real header. */
#ifndef NULLPROOF_TEST_SQLITE3_H
#define NULLPROOF_TEST_SQLITE3_H

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

#define SQLITE_OK 0
#define SQLITE_ROW 100
#define SQLITE_DONE 101

int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_close(sqlite3 *db);
int sqlite3_prepare_v2(sqlite3 *db, const char *zSql, int nByte, sqlite3_stmt **ppStmt,
                       const char **pzTail);
int sqlite3_bind_int(sqlite3_stmt *stmt, int index, int value);
int sqlite3_step(sqlite3_stmt *stmt);
int sqlite3_finalize(sqlite3_stmt *pStmt);
const unsigned char *sqlite3_column_text(sqlite3_stmt *stmt, int iCol);
int sqlite3_column_int(sqlite3_stmt *stmt, int iCol);
int sqlite3_column_type(sqlite3_stmt *stmt, int iCol);
const char *sqlite3_errmsg(sqlite3 *db);
char *sqlite3_mprintf(const char *format, ...);
void sqlite3_free(void *memory);

#define SQLITE_NULL 5

#endif
