import CarteraCore
import Fluent
import FluentSQL
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// The customer list sorted by overdue or by risk reads the summaries' indexes in segments
/// (`CustomerListing.segments`): every page, both directions, must be the page a plain sort by the
/// summary figures (customers without a summary counting as nothing overdue, low risk, no score) gives.
@Suite struct CustomerListOrderTests {
    /// Summaries written by hand (level, score, overdue; nil: no summary), with ties and every segment.
    private static let figures: [(level: String, score: Int64, overdue: Int64)?] = [
        ("high", 900, 50), ("high", 900, 0), ("high", 0, 70), ("medium", 400, 50), ("medium", 0, 0),
        ("low", 300, 10), ("low", 0, 0), ("low", 0, 20), nil, nil, ("medium", 400, 10), ("low", 300, 0),
        ("high", 100, 10), nil,
    ]

    @Test func everyPageOfEitherSortIsThePlainSortsPage() async throws {
        try await TestHarness.run { h in
            for index in Self.figures.indices { _ = try await h.createCustomer("Cliente \(index)") }
            let sql = try h.app.db.sql
            let ids = try await Customer.query(on: h.app.db).filter(\.$organisationID == h.organisationID)
                .sort(\.$legalName).all(\.$id)
            try #require(ids.count == Self.figures.count)
            try await sql.raw("DELETE FROM customer_summaries").run()
            for (id, figure) in zip(ids, Self.figures) {
                guard let figure else { continue }
                let zeros = CreateCustomerSummaries.figureColumns.map { _ in "0" }.joined(separator: ", ")
                try await sql.raw(
                    """
                    INSERT INTO customer_summaries (customer_id, organisation_id, risk_level, \(unsafeRaw: CreateCustomerSummaries.figureColumns.joined(separator: ", ")))
                    VALUES (\(bind: id), \(bind: h.organisationID), \(bind: figure.level), \(unsafeRaw: zeros))
                    """
                ).run()
                try await sql.raw(
                    "UPDATE customer_summaries SET score = \(bind: figure.score), overdue_base_minor = \(bind: figure.overdue) WHERE customer_id = \(bind: id)"
                ).run()
            }
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let listing = CustomerListing(context: context)
            for sort in [CustomerListing.Sort.overdue, .risk] {
                let segments = try #require(CustomerListing.segments(sort))
                for descending in [false, true] {
                    let expected = try await Self.plainOrder(sort, descending: descending, context)
                    for perPage in [3, 5, 50] {
                        var pages: [UUID] = []
                        for number in 1...(Self.figures.count / perPage + 2) {
                            let page = try PageRequest(page: number, perPage: perPage)
                            let filtered = Customer.query(on: h.app.db).filter(\.$organisationID == h.organisationID)
                            let result = try await listing.page(
                                of: filtered, segments: segments, descending: descending, page: page)
                            #expect(result.total == .exact(Self.figures.count))
                            pages += try result.customers.map { try $0.requireID() }
                        }
                        #expect(pages == expected, "\(sort) \(descending ? "desc" : "asc"), pages of \(perPage)")
                    }
                }
            }
        }
    }

    /// The order spelled as one sort over every customer, as the list sorted before segments.
    private static func plainOrder(_ sort: CustomerListing.Sort, descending: Bool, _ context: ServiceContext)
        async throws -> [UUID]
    {
        let direction: SQLDirection = descending ? .descending : .ascending
        let builder = Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if sort == .overdue {
            builder.sort(
                .sql(
                    SQLOrderBy(
                        expression: CustomerListing.summaryColumn("overdue_base_minor", or: "0"), direction: direction)
                ))
        } else {
            let level = CustomerListing.summaryColumn("risk_level", or: "'low'")
            builder.sort(
                .sql(
                    SQLOrderBy(
                        expression: SQLQueryString("CASE \(level) WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END"),
                        direction: direction)))
            builder.sort(
                .sql(SQLOrderBy(expression: CustomerListing.summaryColumn("score", or: "0"), direction: direction)))
        }
        return try await builder.sort(\.$id).all(\.$id)
    }
}
