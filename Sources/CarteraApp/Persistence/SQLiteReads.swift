import CSQLiteTuning

/// SQLite reads the database through its own 2 MB page cache per connection, copying every other
/// page from the operating system with a system call: scanning a million invoices for the aging
/// report spent a third of its time in the kernel. Memory-mapped I/O reads the file where the
/// operating system already holds it. Set once per process, before the first connection opens
/// (later calls find SQLite started and change nothing).
///
/// The map's pages are the kernel's page cache, shared and dropped under memory pressure, but they
/// count in the process's resident memory (RssFile) while mapped: `CARTERA_SQLITE_MMAP_MB` bounds
/// them; past the map SQLite reads the file as before.
enum SQLiteReads {
    /// SQLite's own ceiling on Linux (SQLITE_MAX_MMAP_SIZE, 0x7fff0000 bytes).
    static let largestMappedMebibytes = 2_047
    static let defaultMappedMebibytes = largestMappedMebibytes

    static func useMemoryMapping(mebibytes: Int) {
        let bytes = Int64(min(max(0, mebibytes), largestMappedMebibytes)) * 1_048_576
        _ = cartera_sqlite_set_default_mmap_size(bytes)
        // Not about reads, but the same once-per-process moment: before the first connection.
        _ = cartera_sqlite_register_functions()
    }
}
