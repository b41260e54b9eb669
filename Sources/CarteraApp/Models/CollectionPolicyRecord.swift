import CarteraCore
import Fluent
import Foundation

/// A stored collection policy; its steps are a JSON array of `PolicyStep`.
public final class CollectionPolicyRecord: Model, @unchecked Sendable {
    public static let schema = "collection_policies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "is_default") public var isDefault: Bool
    @Field(key: "steps") public var stepsJSON: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    var policy: CollectionPolicy {
        get throws { try CollectionPolicy(steps: JSONDecoder().decode([PolicyStep].self, from: Data(stepsJSON.utf8))) }
    }

    func setPolicy(_ policy: CollectionPolicy) throws {
        stepsJSON = String(decoding: try JSONEncoder().encode(policy.steps), as: UTF8.self)
    }
}
