import FluentSQLiteDriver
import Foundation
import SQLKit

/// A value of a bulk INSERT, typed where the row is built. On SQLite it is bound straight to the
/// statement: going through `Encodable` cost a dynamic cast or an encoder per value, which was most
/// of a million-row import's time. Stored as Fluent stores them: UUIDs as text, dates as seconds.
enum SQLValue: Sendable {
    case text(String?)
    case integer(Int64)
    case optionalInteger(Int64?)
    case uuid(UUID)
    case date(Date)

    var sqlite: SQLiteData {
        switch self {
        case .text(let text): text.map(SQLiteData.text) ?? .null
        case .integer(let value): .integer(Int(value))
        case .optionalInteger(let value): value.map { .integer(Int($0)) } ?? .null
        case .uuid(let id): .text(id.uuidString)
        case .date(let date): .float(date.timeIntervalSince1970)
        }
    }

    var bind: any SQLExpression {
        switch self {
        case .text(let text): SQLBind(text)
        case .integer(let value): SQLBind(value)
        case .optionalInteger(let value): SQLBind(value)
        case .uuid(let id): SQLBind(id)
        case .date(let date): SQLBind(date)
        }
    }
}

/// Rows for one table, written as one multi-row INSERT per `size` rows: a million invoices are two
/// thousand statements, not a million, and no model object is made per row. 500 rows of the widest
/// table (staged invoices, 18 columns) stay under both databases' limits on bound parameters.
struct SQLBatch {
    static let size = 500

    let table: String
    let columns: [String]
    private var values: [SQLValue] = []
    private var rowCount = 0

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
        values.reserveCapacity(Self.size * columns.count)
    }

    var isFull: Bool { rowCount >= Self.size }
    var isEmpty: Bool { rowCount == 0 }

    mutating func append(_ row: [SQLValue]) {
        precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        values.append(contentsOf: row)
        rowCount += 1
    }

    mutating func flush(on sql: any SQLDatabase) async throws {
        guard rowCount > 0 else { return }
        if let sqlite = sql as? any SQLiteDatabase {
            _ = try await sqlite.query(sqliteStatement(), values.map(\.sqlite))
        } else {
            var insert = sql.insert(into: table).columns(columns)
            for start in stride(from: 0, to: values.count, by: columns.count) {
                insert = insert.values(values[start..<start + columns.count].map(\.bind))
            }
            try await insert.run()
        }
        values.removeAll(keepingCapacity: true)
        rowCount = 0
    }

    private func sqliteStatement() -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        return "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
            + Array(repeating: row, count: rowCount).joined(separator: ",")
    }
}
