import Fluent

/// The ordered rules that choose a customer's collection policy (see `PolicySelector`): one row per
/// rule, its place in the list, its conditions (empty or null: any) and the policy it picks.
struct CreatePolicyRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PolicyRuleRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("position", .int, .required)
            .field("policy_id", .uuid, .required, .references(CollectionPolicyRecord.schema, .id))
            .field("risk_levels", .string, .required)
            .field("minimum_balance_minor", .int64)
            .field("maximum_balance_minor", .int64)
            .field("tag", .string)
            .field("minimum_days_overdue", .int)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "position", name: "uq_policy_rules_org_position")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PolicyRuleRecord.schema).delete()
    }
}
