import Fluent
import SQLKit

/// Per-customer account summaries (`CustomerSummaries`): one row per customer with anything to
/// collect or a history, one row per (customer, currency) with its balances and buckets; the
/// customers changed since their summary was written (marked by triggers, so no change can forget
/// it); and the day each organisation's summaries were last brought to (time alone moves buckets).
struct CreateCustomerSummaries: AsyncMigration {
    static let figureColumns = [
        "score", "needs_action", "paid_count", "paid_late_count", "average_days_late", "p90_days_late",
        "broken_promises", "open_disputes", "maximum_days_overdue", "call_tasks_due", "letter_tasks_due",
        "recent_broken_promises", "new_disputes", "promises_due_today", "owed_base_minor", "overdue_base_minor",
        "predicted_invoices", "due_date_invoices", "plan_instalments",
    ]
    static let balanceColumns = [
        "invoices", "owed_minor", "overdue_minor", "unpaused_overdue_minor", "unpaused_overdue_invoices",
        "paused_minor", "current_minor",
        "days_1_30_minor", "days_31_60_minor", "days_61_90_minor", "over_90_minor",
    ]

    func prepare(on database: any Database) async throws {
        var summaries = database.schema("customer_summaries")
            .field("customer_id", .uuid, .identifier(auto: false))
            .field("organisation_id", .uuid, .required)
            .field("risk_level", .string, .required)
            .field("overdue_share_bp", .int64)
            .field("oldest_due_date", .string)
        for column in Self.figureColumns { summaries = summaries.field(.string(column), .int64, .required) }
        try await summaries.create()
        var balances = database.schema("customer_summary_balances")
            .field("customer_id", .uuid, .required)
            .field("organisation_id", .uuid, .required)
            .field("currency", .string, .required)
        for column in Self.balanceColumns { balances = balances.field(.string(column), .int64, .required) }
        try await balances.unique(on: "customer_id", "currency").create()
        try await database.schema("customer_summary_forecast")
            .field("customer_id", .uuid, .required)
            .field("organisation_id", .uuid, .required)
            .field("currency", .string, .required)
            .field("week", .int64, .required)
            .field("amount_minor", .int64, .required)
            .create()
        try await database.schema("customer_summary_marks")
            .field("customer_id", .uuid, .required)
            .field("organisation_id", .uuid, .required)
            .create()
        try await database.schema("summary_days")
            .field("organisation_id", .uuid, .identifier(auto: false))
            .field("day", .string, .required)
            // The organisation's payment pattern the day's forecasts used (`PaymentDatePredictor`).
            .field("pattern_settled", .int64)
            .field("pattern_median", .double)
            .field("pattern_low", .double)
            .field("pattern_high", .double)
            .create()
        try await SQLIndex.create(
            "idx_customer_summaries_worklist", on: "customer_summaries",
            columns: ["organisation_id", "needs_action", "score"], on: database)
        try await SQLIndex.create(
            "idx_customer_summaries_owed", on: "customer_summaries", columns: ["organisation_id", "owed_base_minor"],
            on: database)
        try await SQLIndex.create(
            "idx_customer_summaries_overdue", on: "customer_summaries",
            columns: ["organisation_id", "overdue_base_minor"], on: database)
        try await SQLIndex.create(
            "idx_customer_summary_balances_org", on: "customer_summary_balances",
            columns: ["organisation_id", "currency"], on: database)
        try await SQLIndex.create(
            "idx_customer_summary_forecast_customer", on: "customer_summary_forecast",
            columns: ["customer_id"], on: database)
        try await SQLIndex.create(
            "idx_customer_summary_forecast_org", on: "customer_summary_forecast",
            columns: ["organisation_id", "currency", "week"], on: database)
        try await SQLIndex.create(
            "idx_customer_summary_marks_org", on: "customer_summary_marks",
            columns: ["organisation_id", "customer_id"],
            on: database)
        try await SQLIndex.create(
            "idx_collection_tasks_customer", on: CollectionTask.schema, columns: ["customer_id", "status"],
            on: database)
        // The dashboard's credit sales of the last 90 days read only those invoices.
        try await SQLIndex.create(
            "idx_invoices_org_issue", on: Invoice.schema, columns: ["organisation_id", "issue_date"], on: database)
        for statement in SummaryTriggers.create(try database.dialect) { try await database.sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        for statement in SummaryTriggers.drop(try database.dialect) { try await database.sql.raw(statement).run() }
        try await SQLIndex.drop("idx_collection_tasks_customer", on: database)
        try await SQLIndex.drop("idx_invoices_org_issue", on: database)
        for table in [
            "summary_days", "customer_summary_marks", "customer_summary_forecast", "customer_summary_balances",
            "customer_summaries",
        ] {
            try await database.schema(table).delete()
        }
    }
}
