import SQLKit

extension Dialect {
    /// The one way Cartera adds money in SQL across many rows. A plain `SUM` fails the whole query
    /// once the total leaves Int64 (SQLite: "integer overflow"; PostgreSQL: "bigint out of range" on
    /// the cast back), so one absurd stored amount would break the page for everyone. Here the sum is
    /// exact while it fits and held at Int64's ends past that: SQLite through `cartera_money_sum`
    /// (registered on every connection, see CSQLiteTuning), PostgreSQL through its exact numeric SUM.
    func moneySum(_ expression: SQLQueryString) -> SQLQueryString {
        switch self {
        case .sqlite: "cartera_money_sum(\(expression))"
        case .postgresql:
            "CAST(LEAST(GREATEST(SUM(\(expression)), -9223372036854775808), 9223372036854775807) AS BIGINT)"
        }
    }
}
