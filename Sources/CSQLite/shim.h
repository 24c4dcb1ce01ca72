#ifndef OCTOPUS_CSQLITE_SHIM_H
#define OCTOPUS_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import: binding
// through these makes SQLite copy the bytes before the Swift string they point into goes away.
static inline int octopus_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, sqlite3_uint64 bytes) {
    return sqlite3_bind_text64(statement, index, text, bytes, SQLITE_TRANSIENT, SQLITE_UTF8);
}
#endif
