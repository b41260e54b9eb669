import CarteraCore
import Foundation

/// What an import found or did: the file's reading, the counts and every row error (kept up to
/// `ImportReport.errorLimit`; `errorCount` counts them all).
struct ImportReport: Sendable {
    static let errorLimit = 100_000

    var kind: ImportKind
    var dryRun: Bool
    var summary: ImportSummary
    var problems: [ImportProblem] = []
    var errorCount = 0
    /// Rows that became records (before the database checks).
    var rows: Int { summary.rows }
    var created = ImportCounts()

    var isClean: Bool { errorCount == 0 }

    mutating func add(_ problem: ImportProblem) {
        errorCount += 1
        if problems.count < Self.errorLimit { problems.append(problem) }
    }
}

/// What a committed (or, in a dry run, a would-be) import writes.
struct ImportCounts: Sendable, Codable, Equatable {
    var customersCreated = 0
    var customersMatched = 0
    var contacts = 0
    var invoices = 0
    var payments = 0
    /// Invoices the file says were paid in part or in full before the import: recorded as an
    /// opening payment each, so that balance = total − allocations holds.
    var openingSettlements = 0

    var auditDetails: [String: String] {
        [
            "customers_created": String(customersCreated), "customers_matched": String(customersMatched),
            "contacts": String(contacts),
            "invoices": String(invoices), "payments": String(payments),
            "opening_settlements": String(openingSettlements),
        ]
    }
}

/// Thrown by a commit when the file has row errors: nothing was written.
struct ImportRejected: Error {
    let report: ImportReport
}
