import Fluent
import SQLKit
import Testing

@testable import CarteraApp

/// `Dialect` is read from the database Cartera was configured with, and its fragments are valid SQL there.
@Suite struct DialectTests {
    @Test func theConfiguredDatabaseNamesItsDialectAndItsFragmentsRun() async throws {
        try await TestHarness.run { h in
            let dialect = try h.app.db.dialect
            #expect(dialect == (TestHarness.usesPostgres ? .postgresql : .sqlite))

            struct Joined: Decodable { let steps: String }
            let joined = try await h.app.db.sql.raw(
                """
                SELECT \(dialect.commaJoined("step")) AS steps FROM (SELECT 'a' AS step UNION ALL SELECT 'b') s
                """
            ).first(decoding: Joined.self)
            #expect(Set(joined?.steps.split(separator: ",") ?? []) == ["a", "b"])

            struct Row: Decodable { let id: UUID }
            let claimed = try await h.app.db.sql.raw(
                "SELECT id FROM organisations ORDER BY id LIMIT 1\(dialect.skipLocked)"
            ).all(decoding: Row.self)
            #expect(claimed.map(\.id) == [h.organisationID])
        }
    }
}
