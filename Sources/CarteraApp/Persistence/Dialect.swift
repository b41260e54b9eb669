import SQLKit

/// The two databases Cartera runs on. Every place where their SQL or behaviour differs decides by
/// an exhaustive `switch` on this enum (here, or where the difference is used), so a third database
/// would be a compile error at each difference instead of silently getting one side's SQL.
enum Dialect: String, Sendable {
    case sqlite, postgresql

    /// The only place that reads SQLKit's dialect name.
    init(of sql: any SQLDatabase) throws {
        switch sql.dialect.name {
        case "sqlite": self = .sqlite
        case "postgresql": self = .postgresql
        case let other: throw UnsupportedDatabase(description: "Cartera runs on SQLite or PostgreSQL, not \(other)")
        }
    }

    /// SQLite lets one connection write at a time, so one server process owns the file: writes queue
    /// in-process (`WriteIntent`) and an import's progress lives in that process's memory. PostgreSQL
    /// serves several servers at once and serialises writers with row locks (`RowLocks`).
    var hasSingleWriter: Bool {
        switch self {
        case .sqlite: true
        case .postgresql: false
        }
    }

    /// Appended to a `SELECT … LIMIT` that workers use to claim rows: on PostgreSQL each worker skips
    /// the rows another one has locked; SQLite's single writer claims alone anyway.
    var skipLocked: SQLQueryString {
        switch self {
        case .sqlite: ""
        case .postgresql: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// `invoices` (aliased `alias`) read through the customer index, for a read of a group of
    /// customers. Given a thousand ids, SQLite's planner prefers the (organisation, status) index and
    /// then scans every owed or paid invoice of the organisation once per group, which grows with the
    /// square of the ledger over a day's pass; PostgreSQL's planner weighs the list well by itself.
    func invoicesByCustomer(_ alias: String) -> SQLQueryString {
        invoices(alias, through: "idx_invoices_customer")
    }

    /// `invoices` (aliased `alias`) read through `index` on SQLite, whose planner otherwise takes the
    /// (organisation, status) index for a condition it cannot weigh (a partial index's, a long list).
    func invoices(_ alias: String, through index: String) -> SQLQueryString {
        switch self {
        case .sqlite: "invoices \(unsafeRaw: alias) INDEXED BY \(unsafeRaw: index)"
        case .postgresql: "invoices \(unsafeRaw: alias)"
        }
    }

    /// The aggregate that joins a group's strings with commas.
    func commaJoined(_ expression: SQLQueryString) -> SQLQueryString {
        switch self {
        case .sqlite: "group_concat(\(expression), ',')"
        case .postgresql: "string_agg(\(expression), ',')"
        }
    }

    /// Whole days from the ISO date in column `from` to the date `to` (negative when `to` is earlier).
    func daysBetween(_ from: String, _ to: SQLQueryString) -> SQLQueryString {
        switch self {
        // Dates without a time are whole Julian days apart: the difference is exact.
        case .sqlite: "CAST(julianday(\(to)) - julianday(\(unsafeRaw: from)) AS INTEGER)"
        case .postgresql: "(CAST(\(to) AS DATE) - CAST(\(unsafeRaw: from) AS DATE))"
        }
    }
}
