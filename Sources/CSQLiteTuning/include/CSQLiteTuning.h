#ifndef CSQLITE_TUNING_H
#define CSQLITE_TUNING_H

/// Sets SQLite's default memory-mapped I/O size for every connection the process opens later.
/// `sqlite3_config` is variadic, which Swift cannot call, hence this C function. Only takes effect
/// before SQLite is first used in the process; returns SQLite's result code (0 = OK).
int cartera_sqlite_set_default_mmap_size(long long bytes);

/// Registers Cartera's SQL functions (cartera_money_sum: a SUM held at Int64's ends instead of
/// failing with "integer overflow") on every SQLite connection the process opens from now on.
/// Returns SQLite's result code (0 = OK).
int cartera_sqlite_register_functions(void);

#endif
