import SQLKit

/// Rows for one table, written as one multi-row INSERT per `size` rows: a million invoices are two
/// thousand statements, not a million, and no model object is made per row. 500 rows of the widest
/// table (16 columns) stay under both databases' limits on bound parameters.
struct SQLBatch {
    static let size = 500

    let table: String
    let columns: [String]
    private var rows: [[any SQLExpression]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
        rows.reserveCapacity(Self.size)
    }

    var isFull: Bool { rows.count >= Self.size }

    mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values.map { SQLBind($0) })
    }

    mutating func flush(on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row) }
        try await insert.run()
        rows.removeAll(keepingCapacity: true)
    }
}
