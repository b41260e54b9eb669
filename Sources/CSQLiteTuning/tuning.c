#include "CSQLiteTuning.h"

// SQLiteNIO's bundled SQLite, whose symbols carry the sqlite_nio_ prefix (linked in through FluentSQLiteDriver).
extern int sqlite_nio_sqlite3_config(int option, ...);

#define CARTERA_SQLITE_CONFIG_MMAP_SIZE 22 /* SQLITE_CONFIG_MMAP_SIZE: sqlite3_int64 default, sqlite3_int64 maximum */

int cartera_sqlite_set_default_mmap_size(long long bytes) {
    return sqlite_nio_sqlite3_config(CARTERA_SQLITE_CONFIG_MMAP_SIZE, bytes, bytes);
}
