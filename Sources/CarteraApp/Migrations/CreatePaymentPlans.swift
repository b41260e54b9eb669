import Fluent

struct CreatePaymentPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentPlan.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("currency", .string, .required)
            .field("total_minor", .int64, .required)
            .field("settled_at_start_minor", .int64, .required)
            .field("invoice_ids", .string, .required)
            .field("status", .string, .required)
            .field("starts_on", .string, .required)
            .field("note", .string, .required)
            .field("ended_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PlanInstalment.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PaymentPlan.schema, .id))
            .field("number", .int, .required)
            .field("due_on", .string, .required)
            .field("amount_minor", .int64, .required)
            .unique(on: "plan_id", "number", name: "uq_plan_instalments_number")
            .create()
        try await SQLIndex.create(
            "idx_payment_plans_org_status", on: PaymentPlan.schema, columns: ["organisation_id", "status"], on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanInstalment.schema).delete()
        try await database.schema(PaymentPlan.schema).delete()
    }
}
