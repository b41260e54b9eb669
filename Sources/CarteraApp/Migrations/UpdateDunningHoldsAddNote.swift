import Fluent

/// The reason a person gave for a hold they placed by hand (`DunningHoldReason.manual`), shown on the
/// invoice page; empty for the holds disputes, promises and plans create.
struct UpdateDunningHoldsAddNote: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DunningHold.schema).field("note", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DunningHold.schema).deleteField("note").update()
    }
}
