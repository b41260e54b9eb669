import CarteraCore
import Fluent
import Foundation

/// A contact's word on one channel (authorised, nobody asked, opted out), with the day it was
/// recorded and where from. A channel without a row is authorised (`ConsentState.authorised`).
public final class ContactConsent: Model, @unchecked Sendable {
    public static let schema = "contact_consents"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "contact_id") public var contact: Contact
    @Field(key: "channel") public var channel: ContactChannel
    @Field(key: "state") public var state: ConsentState
    /// The organisation's calendar day the state was recorded (ISO date).
    @Field(key: "changed_on") public var changedOn: String
    @Field(key: "source") public var source: ConsentSource
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
