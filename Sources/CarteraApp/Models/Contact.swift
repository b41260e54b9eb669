import Fluent
import Foundation

public enum ContactRole: String, Codable, Sendable, CaseIterable {
    case billing, primary, alternate
}

/// A person at the customer. Reminders go to the billing contact, then primary, then alternate.
public final class Contact: Model, @unchecked Sendable {
    public static let schema = "contacts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "name") public var name: String
    @Field(key: "role") public var role: ContactRole
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
