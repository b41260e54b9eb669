import Fluent
import Foundation

/// What a person (or an API key) may do. Checked on every page and API route.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads everything, changes nothing.
    case viewer
    /// Works accounts: calls, promises, disputes, plans, holds, contacts, payments.
    case collector
    /// Everything, including settings, users, policies, templates and write-offs.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func allows(_ required: Role) -> Bool { self >= required }

    /// May have customers assigned and appear among the collectors to choose from.
    public var collects: Bool {
        switch self {
        case .collector, .admin: true
        case .viewer: false
        }
    }
}

/// A person who signs in to the workspace. Passwords are stored as bcrypt hashes.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// Lower-cased; unique across the installation, so sign-in needs no organisation.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: Role
    /// "es" or "en": the workspace's language for this person.
    @Field(key: "language") public var language: String
    @OptionalField(key: "disabled_at") public var disabledAt: Date?
    /// Whether the person gets the morning email of what the next run sends (`StaffDigest`).
    @Field(key: "outgoing_digest") public var outgoingDigest: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() { outgoingDigest = true }
}
