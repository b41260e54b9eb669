import CarteraCore
import Foundation

extension OrganisationService {
    /// Which event kinds wait for the customer's message of the day (`EventDelivery`).
    static func updateEventDelivery(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        guard let names = input.digestKinds else { return }
        let kinds = try names.map { name in
            guard let kind = ReminderKind(rawValue: name), ReminderKind.eventKinds.contains(kind) else {
                let allowed = ReminderKind.eventKinds.map(\.rawValue).joined(separator: ", ")
                throw ServiceError.invalid(
                    "digest_kinds", code: "not_an_event_kind", "digest_kinds may only list: \(allowed)")
            }
            return kind
        }
        organisation.dailyMessageKinds = Set(kinds)
        changes["digest_kinds"] = organisation.digestKinds
    }
}
