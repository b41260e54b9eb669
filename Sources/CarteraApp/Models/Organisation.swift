import Fluent
import Foundation

/// The company that sells on credit. Every other row belongs to exactly one organisation.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "default_currency") public var defaultCurrency: String
    @Field(key: "locale") public var locale: String
    @Field(key: "time_zone") public var timeZone: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, name: String, defaultCurrency: String, locale: String, timeZone: String) {
        self.id = id
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        self.timeZone = timeZone
    }
}
