import CarteraCore
import Fluent
import Foundation
import Vapor

/// People who sign in: created by an admin (page or CLI), signed in with email and password (`SignIn`).
enum UserService {
    struct Input: Content {
        var email: String?
        var name: String?
        var password: String?
        var role: String?
        var language: String?
    }

    static func create(_ input: Input, organisationID: UUID, passwordCost: Int, on db: any Database) async throws
        -> User
    {
        let email = try normalisedEmail(input.email)
        let password = try FieldParser.required(input.password, "password")
        try Passwords.validate(password)
        let user = User()
        user.organisationID = organisationID
        user.email = email
        user.name = try FieldParser.text(input.name, "name", maxLength: 120)
        user.role = try FieldParser.enumValue(input.role ?? Role.collector.rawValue, Role.self, "role")
        user.language = try FieldParser.language(input.language ?? "es", "language")
        user.passwordHash = try Passwords.hash(password, cost: passwordCost)
        guard try await User.query(on: db).filter(\.$email == email).count() == 0 else {
            throw ServiceError.conflict("duplicate_email", "A user with that email already exists", field: "email")
        }
        try await user.create(on: db)
        return user
    }

    static func list(organisationID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$organisationID == organisationID).sort(\.$name).all()
    }

    static func normalisedEmail(_ value: String?) throws -> String {
        let email = try FieldParser.text(value, "email", maxLength: EmailAddress.maximumLength).lowercased()
        return try EmailAddress.checked(email, "email")
    }
}
