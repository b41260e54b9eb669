import Fluent
import SQLKit

/// What identifies a customer's money at the bank: the reference we ask them to quote, and the
/// accounts they pay from (learned from reconciled payments).
struct UpdateCustomersAddPaymentIdentity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema).field("payment_reference", .string).update()
        try await database.schema(Customer.schema).field("bank_accounts", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).deleteField("payment_reference").update()
        try await database.schema(Customer.schema).deleteField("bank_accounts").update()
    }
}
