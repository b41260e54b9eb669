import Fluent

/// What a posted letter carries at its head and foot: the organisation's tax id, postal address, phone
/// and email (the letterhead), and who signs it. Each part optional: a letter leaves out what is empty.
struct UpdateOrganisationsAddLetterhead: AsyncMigration {
    static let fields: [FieldKey] = [
        "tax_id", "address_line", "city", "region", "postal_code", "country", "phone", "email", "signer_name",
        "signer_title",
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for key in Self.fields {
            try await database.schema(Organisation.schema).field(key, .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for key in Self.fields {
            try await database.schema(Organisation.schema).deleteField(key).update()
        }
    }
}
