import CarteraCore
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The customer list sorted by overdue or by risk without reading every customer's summary: the
/// order is split into segments that each come from an index of the summaries in order (overdue
/// amounts above zero; the high, medium and low levels by score), then everyone left (nothing
/// overdue, or low risk with no score: the same figures a customer without a summary has) by id.
/// A page reads its segments in turn and counts a segment only to skip past it.
extension CustomerListing {
    struct Segment {
        /// What a customer's summary must hold to be in it (on `s`), nil for everyone left.
        let condition: SQLQueryString?
        /// The summary column ordering it, nil for "by id".
        let column: String?
    }

    /// The segments of `sort` in ascending order (customers without figures first), nil when `sort`
    /// is not a summary figure.
    static func segments(_ sort: Sort?) -> [Segment]? {
        switch sort {
        case .overdue?:
            let owing: SQLQueryString = "s.overdue_base_minor > 0"
            return [Segment(condition: nil, column: nil), Segment(condition: owing, column: "overdue_base_minor")]
        case .risk?:
            // The order is level (low, medium, high) then score; a low level with no score ties with
            // customers without a summary (`RiskQuery.noHistory`), so it is in the rest, by id.
            let low = RiskLevel.low.rawValue
            return [
                Segment(condition: nil, column: nil),
                Segment(condition: "s.risk_level = \(bind: low) AND s.score > 0", column: "score"),
                Segment(condition: "s.risk_level = \(bind: RiskLevel.medium.rawValue)", column: "score"),
                Segment(condition: "s.risk_level = \(bind: RiskLevel.high.rawValue)", column: "score"),
            ]
        case .name?, .taxID?, .balance?, .currency?, nil:
            return nil
        }
    }

    /// One page of `filtered` (filters applied, no order yet) in the order of `segments`.
    func page(
        of filtered: QueryBuilder<Customer>, segments: [Segment], descending: Bool, page: PageRequest
    ) async throws -> (customers: [Customer], total: PageTotal) {
        let total = try await filtered.pageTotal(page)
        let inSummaries = segments.compactMap(\.condition)
        var skip = page.offset
        var rows: [Customer] = []
        for segment in descending ? segments.reversed() : segments {
            guard rows.count < page.perPage else { break }
            let query = filtered.copy()
            if let condition = segment.condition, let column = segment.column {
                query.query.joins.append(
                    .custom(
                        SQLQueryString(
                            "JOIN customer_summaries s ON s.customer_id = customers.id AND s.organisation_id = \(bind: context.organisationID)"
                        )))
                query.filter(.sql(embed: condition))
                query.sort(
                    .sql(
                        SQLOrderBy(
                            expression: SQLColumn(column, table: "s"),
                            direction: descending ? SQLDirection.descending : SQLDirection.ascending
                        )))
            } else {
                // Everyone in no other segment.
                let others = inSummaries.map { "(\($0))" as SQLQueryString }.joined(separator: " OR ")
                query.filter(
                    .sql(
                        embed:
                            "NOT EXISTS (SELECT 1 FROM customer_summaries s WHERE s.customer_id = customers.id AND (\(others)))"
                    ))
            }
            query.sort(\.$id)
            if skip > 0 {
                let size = try await query.copy().countRows()
                if skip >= size {
                    skip -= size
                    continue
                }
            }
            rows += try await query.offset(skip).limit(page.perPage - rows.count).all()
            skip = 0
        }
        return (rows, total)
    }
}
