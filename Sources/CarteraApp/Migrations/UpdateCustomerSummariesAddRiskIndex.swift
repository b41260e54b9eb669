import Fluent
import SQLKit

/// The customer list sorted by risk reads each level's summaries in score order
/// (`CustomerListing.segments`).
struct UpdateCustomerSummariesAddRiskIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_customer_summaries_risk", on: "customer_summaries",
            columns: ["organisation_id", "risk_level", "score"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_customer_summaries_risk", on: database)
    }
}
