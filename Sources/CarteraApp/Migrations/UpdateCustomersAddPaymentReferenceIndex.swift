import Fluent

/// A new customer's payment reference is checked against the organisation's others; with a hundred
/// thousand customers that lookup must not read them all. Not unique: databases from before may
/// hold a repeated reference (the bank matcher treats it as ambiguous, never as either customer).
struct UpdateCustomersAddPaymentReferenceIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_customers_org_payment_reference", on: Customer.schema,
            columns: ["organisation_id", "payment_reference"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_customers_org_payment_reference", on: database)
    }
}
