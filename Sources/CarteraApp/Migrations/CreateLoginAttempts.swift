import Fluent

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("ip", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        try await SQLIndex.create(
            "idx_login_attempts_email", on: LoginAttempt.schema, columns: ["email", "attempted_at"], on: database)
        try await SQLIndex.create(
            "idx_login_attempts_ip", on: LoginAttempt.schema, columns: ["ip", "attempted_at"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
