#include "CSQLiteTuning.h"

// SQLiteNIO's bundled SQLite, whose symbols carry the sqlite_nio_ prefix (linked in through FluentSQLiteDriver).
extern int sqlite_nio_sqlite3_config(int option, ...);

#define CARTERA_SQLITE_CONFIG_MMAP_SIZE 22 /* SQLITE_CONFIG_MMAP_SIZE: sqlite3_int64 default, sqlite3_int64 maximum */

int cartera_sqlite_set_default_mmap_size(long long bytes) {
    return sqlite_nio_sqlite3_config(CARTERA_SQLITE_CONFIG_MMAP_SIZE, bytes, bytes);
}

// A money sum that cannot fail: SQLite's SUM stops the query with "integer overflow" past Int64,
// so one absurd row would break every report that adds it. cartera_money_sum adds in 128 bits
// and holds the result at Int64's ends; NULL for no (non-NULL) rows, like SUM.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef struct sqlite3_api_routines sqlite3_api_routines;
extern int sqlite_nio_sqlite3_create_function_v2(sqlite3 *db, const char *name, int arguments, int flags, void *app,
    void (*function)(sqlite3_context *, int, sqlite3_value **), void (*step)(sqlite3_context *, int, sqlite3_value **),
    void (*final)(sqlite3_context *), void (*destroy)(void *));
extern void *sqlite_nio_sqlite3_aggregate_context(sqlite3_context *context, int bytes);
extern int sqlite_nio_sqlite3_value_type(sqlite3_value *value);
extern long long sqlite_nio_sqlite3_value_int64(sqlite3_value *value);
extern void sqlite_nio_sqlite3_result_int64(sqlite3_context *context, long long value);
extern void sqlite_nio_sqlite3_result_null(sqlite3_context *context);
extern int sqlite_nio_sqlite3_auto_extension(void (*entry)(void));

#define CARTERA_SQLITE_NULL 5
#define CARTERA_SQLITE_UTF8 1
#define CARTERA_SQLITE_DETERMINISTIC 0x000000800

typedef struct { __int128 total; int seen; } cartera_money_sum_state;

static void cartera_money_sum_step(sqlite3_context *context, int count, sqlite3_value **values) {
    (void)count;
    cartera_money_sum_state *state = sqlite_nio_sqlite3_aggregate_context(context, sizeof(cartera_money_sum_state));
    if (state == 0 || sqlite_nio_sqlite3_value_type(values[0]) == CARTERA_SQLITE_NULL) return;
    state->total += sqlite_nio_sqlite3_value_int64(values[0]);
    state->seen = 1;
}

static void cartera_money_sum_final(sqlite3_context *context) {
    cartera_money_sum_state *state = sqlite_nio_sqlite3_aggregate_context(context, 0);
    if (state == 0 || !state->seen) { sqlite_nio_sqlite3_result_null(context); return; }
    const __int128 max = 0x7fffffffffffffffLL, min = -max - 1;
    sqlite_nio_sqlite3_result_int64(context, (long long)(state->total > max ? max : state->total < min ? min : state->total));
}

static int cartera_register_functions(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
    (void)error; (void)api;
    return sqlite_nio_sqlite3_create_function_v2(db, "cartera_money_sum", 1, CARTERA_SQLITE_UTF8 | CARTERA_SQLITE_DETERMINISTIC,
                                                 0, 0, cartera_money_sum_step, cartera_money_sum_final, 0);
}

int cartera_sqlite_register_functions(void) {
    return sqlite_nio_sqlite3_auto_extension((void (*)(void))cartera_register_functions);
}
