import CSQLiteTuning

/// SQLite reads the database through its own 2 MB page cache per connection, copying every other
/// page from the operating system with a system call: scanning a million invoices for the aging
/// report spent a third of its time in the kernel. Memory-mapped I/O reads the file where the
/// operating system already holds it. Set once per process, before the first connection opens
/// (later calls find SQLite started and change nothing).
enum SQLiteReads {
    /// SQLite's own ceiling on Linux (SQLITE_MAX_MMAP_SIZE); a larger file is read past it as before.
    static let mappedBytes: Int64 = 0x7fff_0000

    static func useMemoryMapping() {
        _ = cartera_sqlite_set_default_mmap_size(mappedBytes)
        // Not about reads, but the same once-per-process moment: before the first connection.
        _ = cartera_sqlite_register_functions()
    }
}
