import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The search box's indexes, which each database builds its own way. Both keep
/// `customers.search_name` (written by the app in `SearchText.name` form) findable by any piece of
/// three letters or more, so a word inside a name and a word one letter off are found without
/// reading every customer: SQLite with an FTS5 table of trigrams kept in step by triggers,
/// PostgreSQL with `pg_trgm`'s GIN index on the column itself.
extension Dialect {
    /// Document numbers and references compared as `SearchText.codeKey` does (lowercase, without
    /// spaces, dashes, dots or slashes), the same on both databases; the indexes are on this
    /// expression, so a query must spell it exactly so.
    static func codeKey(_ column: String) -> SQLQueryString {
        var expression = "\(column)"
        for separator in SearchText.codeSeparators {
            expression = "replace(\(expression), '\(separator)', '')"
        }
        return SQLQueryString("lower(\(expression))")
    }

    /// Creates the name index over the customers already there.
    func createNameSearchIndex(on database: any Database) async throws {
        let sql = try database.sql
        switch self {
        case .sqlite:
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE customer_search USING fts5(
                    name, customer_id UNINDEXED, organisation_id UNINDEXED, tokenize = 'trigram')
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO customer_search (name, customer_id, organisation_id)
                SELECT search_name, id, organisation_id FROM customers
                """
            ).run()
            // A rename looks its row up by customer id, which FTS5 reads row by row; renames are rare.
            try await sql.raw(
                """
                CREATE TRIGGER customer_search_insert AFTER INSERT ON customers BEGIN
                    INSERT INTO customer_search (name, customer_id, organisation_id)
                    VALUES (new.search_name, new.id, new.organisation_id);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER customer_search_rename AFTER UPDATE OF search_name ON customers
                WHEN old.search_name IS NOT new.search_name BEGIN
                    DELETE FROM customer_search WHERE customer_id = old.id;
                    INSERT INTO customer_search (name, customer_id, organisation_id)
                    VALUES (new.search_name, new.id, new.organisation_id);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER customer_search_delete AFTER DELETE ON customers BEGIN
                    DELETE FROM customer_search WHERE customer_id = old.id;
                END
                """
            ).run()
        case .postgresql:
            try await Self.createTrigramExtension(on: database)
            let trigrams = try await Self.trigramSchema(on: sql)
            try await sql.raw(
                """
                CREATE INDEX idx_customers_search_name_trgm ON customers
                USING gin (search_name \(ident: trigrams).gin_trgm_ops)
                """
            ).run()
        }
    }

    /// Creates pg_trgm (in `public`) unless the database has it. It ships with PostgreSQL
    /// (Debian's postgresql package has it) and is a trusted extension, so the database's owner may
    /// create it. Servers (or test schemas) migrating at once take turns on a transaction's lock.
    static func createTrigramExtension(on database: any Database) async throws {
        try await database.transaction { tx in
            let sql = try tx.sql
            try await sql.raw("SELECT pg_advisory_xact_lock(7455716)").run()
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run()
        }
    }

    /// The schema pg_trgm lives in: its functions are named with it, since the app's search path
    /// need not include it.
    static func trigramSchema(on sql: any SQLDatabase) async throws -> String {
        struct Row: Decodable { let name: String }
        guard
            let found = try await sql.raw(
                "SELECT extnamespace::regnamespace::text AS name FROM pg_extension WHERE extname = 'pg_trgm'"
            ).first(decoding: Row.self)
        else { throw UnsupportedDatabase(description: "PostgreSQL needs the pg_trgm extension for the search box") }
        return found.name
    }

    func dropNameSearchIndex(on sql: any SQLDatabase) async throws {
        switch self {
        case .sqlite:
            for trigger in ["customer_search_insert", "customer_search_rename", "customer_search_delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS customer_search").run()
        case .postgresql:
            try await sql.raw("DROP INDEX IF EXISTS idx_customers_search_name_trgm").run()
        }
    }

    /// Ids of the organisation's customers whose stored name contains every one of `pieces`
    /// (lowercase letters and digits, three or more each), at most `limit`.
    func customersContaining(
        _ pieces: [String], organisationID: UUID, limit: Int, on sql: any SQLDatabase
    ) async throws -> [UUID] {
        guard !pieces.isEmpty else { return [] }
        let query: SQLQueryString
        switch self {
        case .sqlite:
            let match = pieces.map { "\"\($0)\"" }.joined(separator: " AND ")
            query = """
                SELECT customer_id AS id FROM customer_search
                WHERE customer_search MATCH \(bind: match) AND organisation_id = \(bind: organisationID)
                LIMIT \(literal: limit)
                """
        case .postgresql:
            var builder = SQLQueryString("SELECT id FROM customers WHERE organisation_id = \(bind: organisationID)")
            for piece in pieces { builder = builder + " AND search_name LIKE \(bind: "%\(piece)%")" }
            query = builder + " LIMIT \(literal: limit)"
        }
        return try await sql.raw(query).all(decoding: IDRow.self).map(\.id)
    }

    /// Ids of the organisation's customers whose stored name shares the most trigrams with
    /// `words`, best first: candidates for a typo, which `SearchText.score` then decides on.
    func customersResembling(
        _ words: [String], organisationID: UUID, limit: Int, on database: any Database
    ) async throws -> [UUID] {
        let trigrams = Array(Set(words.flatMap(SearchText.trigrams))).sorted()
        guard !trigrams.isEmpty else { return [] }
        switch self {
        case .sqlite:
            let match = trigrams.map { "\"\($0)\"" }.joined(separator: " OR ")
            return try await database.sql.raw(
                """
                SELECT customer_id AS id FROM customer_search
                WHERE customer_search MATCH \(bind: match) AND organisation_id = \(bind: organisationID)
                ORDER BY rank LIMIT \(literal: limit)
                """
            ).all(decoding: IDRow.self).map(\.id)
        case .postgresql:
            // `<%` is word similarity: how much of the typed words one stretch of the name shares.
            // Its default bar (0.6) misses two swapped letters in a short word, so this read lowers
            // it for its own transaction.
            let typed = words.joined(separator: " ")
            return try await database.transaction { tx in
                let sql = try tx.sql
                try await sql.raw("SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', true)").run()
                let trigrams = try await Self.trigramSchema(on: sql)
                return try await sql.raw(
                    """
                    SELECT id FROM customers WHERE organisation_id = \(bind: organisationID)
                    AND \(bind: typed) OPERATOR(\(ident: trigrams).<%) search_name
                    ORDER BY \(ident: trigrams).word_similarity(\(bind: typed), search_name) DESC
                    LIMIT \(literal: limit)
                    """
                ).all(decoding: IDRow.self).map(\.id)
            }
        }
    }

    private struct IDRow: Decodable {
        let id: UUID
    }
}

extension Dialect {
    /// A condition: the customer's `tags` (an array column, stored as JSON text by SQLite and as a
    /// text array by PostgreSQL) holds `tag`.
    func hasTag(_ tag: String, column: String) -> SQLQueryString {
        switch self {
        case .sqlite: "EXISTS (SELECT 1 FROM json_each(\(unsafeRaw: column)) WHERE json_each.value = \(bind: tag))"
        case .postgresql: "\(bind: tag) = ANY(\(unsafeRaw: column))"
        }
    }
}
