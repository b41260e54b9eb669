import Fluent
import SQLKit

struct UpdateCustomersAddDunningSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema).field("collection_policy_id", .uuid).update()
        try await database.schema(Customer.schema).field("do_not_contact", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(Customer.schema).field("reminder_kinds_off", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        for field in ["collection_policy_id", "do_not_contact", "reminder_kinds_off"] {
            try await database.schema(Customer.schema).deleteField(.string(field)).update()
        }
    }
}
