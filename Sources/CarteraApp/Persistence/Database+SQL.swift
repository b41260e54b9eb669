import Fluent
import SQLKit

extension Database {
    /// The SQL interface of this database, for the queries Fluent's builders cannot express. Fluent's
    /// SQLite and PostgreSQL databases both provide it; anything else is refused with an error
    /// rather than a crash.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else {
                throw UnsupportedDatabase(description: "Cartera needs an SQL database, not \(type(of: self))")
            }
            return sql
        }
    }

    var dialect: Dialect {
        get throws { try Dialect(of: sql) }
    }
}

/// A database Cartera cannot run on (only a misconfigured build could get one).
struct UnsupportedDatabase: Error, CustomStringConvertible {
    let description: String
}
