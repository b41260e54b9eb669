import Fluent

/// The reports count the reminders sent in a period (by day, step and invoice). Without an index on
/// the day every report read all deliveries ever sent (394,000 at 100,000 invoices, a quarter of a
/// second); with step and invoice in it too, the period's rows are read from the index alone.
struct UpdateReminderDeliveriesAddRunIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_reminder_deliveries_org_run_on", on: ReminderDelivery.schema,
            columns: ["organisation_id", "run_on", "step_key", "invoice_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_reminder_deliveries_org_run_on", on: database)
    }
}
