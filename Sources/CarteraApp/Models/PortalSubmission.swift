import Fluent
import Foundation

/// The forms of the customer portal, as stored and counted.
enum PortalForm: String, Codable, Sendable, CaseIterable {
    case promise, dispute
    case planRequest = "plan_request"
    case pay

    /// The requests a collector has to answer by hand: limited per day on top of the hourly limit.
    static let answeredByHand: [PortalForm] = [.dispute, .planRequest]
}

/// A form posted through a portal link, accepted or not. `created_at` is the application clock's
/// time (not the database's), so the limits follow the same clock as everything else.
final class PortalSubmission: Model, @unchecked Sendable {
    static let schema = "portal_submissions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "token_id") var tokenID: UUID
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "form") var form: PortalForm
    @Field(key: "accepted") var accepted: Bool
    /// What the accepted form created (the promise, the dispute), when it created a row.
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
