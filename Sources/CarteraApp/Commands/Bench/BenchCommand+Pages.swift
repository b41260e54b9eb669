import CarteraCore
import Foundation

/// The organisation-wide pages' rows: each times the function the page (or its API) calls for its
/// figures — not an HTTP request — next to the one statement in `SQLBaselines` answering the same question.
extension BenchCommand {
    /// The worklist's first page, as `WorklistPageData.limit`.
    static let pageSize = WorklistPageData.limit
    /// Accounts shown on a page of aging by customer.
    static let reportPageSize = 50

    func pageRows(_ checks: Checks, timer: Timer) async throws -> [Row] {
        let service = checks.service
        let db = service.db
        let organisationID = service.organisationID
        let today = service.today
        let currency = try checks.baseCurrency
        return [
            // First: what the pages below read must be current, as a server's first tick of the day makes it.
            Row(
                operation: "account summaries, every customer (the day's pass)",
                application: try await timer.median {
                    try await WriteIntent.transaction(on: db) { tx in
                        try await CustomerSummaries.rebuild(in: service.with(db: tx), today: today)
                    }
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.summaries(organisationID: organisationID, today: today, on: db)
                }),
            Row(
                operation: "worklist, first \(Self.pageSize) accounts",
                application: try await timer.median {
                    _ = try await WorklistQuery(context: service).items(scope: .everyone, limit: Self.pageSize)
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.worklist(
                        organisationID: organisationID, today: today, currency: currency, limit: Self.pageSize, on: db)
                }),
            Row(
                operation: "dashboard headline figures",
                application: try await timer.median { _ = try await DashboardQuery(context: service).currencies() },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.dashboard(organisationID: organisationID, today: today, on: db)
                }),
            Row(
                operation: "forecast, balance per expected week",
                application: try await timer.median { _ = try await CollectionsForecast.build(in: service) },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.forecast(organisationID: organisationID, today: today, on: db)
                }),
            Row(
                operation: "aging by customer, first \(Self.reportPageSize)",
                application: try await timer.median {
                    _ = try await AgingBreakdown.page(
                        .customer, asOf: today, page: try PageRequest(page: 1, perPage: Self.reportPageSize),
                        in: service)
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.agingByCustomer(
                        organisationID: organisationID, today: today, limit: Self.reportPageSize, on: db)
                }),
            Row(
                operation: "customer list by balance, first \(CustomerListing.perPage)",
                application: try await timer.median {
                    _ = try await CustomerListing(context: service).read(.init(sort: "balance", dir: "desc"))
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.customerList(
                        organisationID: organisationID, limit: CustomerListing.perPage, on: db)
                }),
        ]
    }
}
