import CarteraCore
import Fluent
import Foundation

/// The contact rules that apply to one customer (`ContactRules` of their jurisdiction), on their
/// clock, with their jurisdiction's holidays: the organisation's own list plus, always, the
/// country's national holidays (a festivo is closed by law even when nobody listed it).
struct CustomerContactRules: Sendable {
    let rules: ContactRules
    let timeZone: TimeZone
    let holidays: Set<LocalDate>

    init(customer: Customer, organisation: Organisation, around date: LocalDate) {
        let home = Jurisdiction(locale: organisation.supportedLocale)
        let jurisdiction = customer.jurisdiction.flatMap(Jurisdiction.init(rawValue:)) ?? home
        rules = ContactRules.rules(for: jurisdiction)
        timeZone =
            customer.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: organisation.timeZone)
            ?? .gmt
        var holidays: Set<LocalDate> =
            jurisdiction == home ? Set(StoredList<LocalDate>.decode(organisation.holidays)) : []
        if let country = jurisdiction.holidayCountry {
            for year in [date.year, date.year + 1] {
                holidays.formUnion(HolidayPreset.holidays(country, year: year)?.map(\.date) ?? [])
            }
        }
        self.holidays = holidays
    }

    /// `instant` when a message may reach the customer then, otherwise the next opening.
    func nextAllowed(from instant: Date) -> Date {
        rules.nextAllowed(from: instant, in: timeZone, holidays: holidays) ?? instant
    }

    /// The customer's collection contacts of the week around `date` (messages about money owed
    /// that were not cancelled, and the daily pass's call tasks), by the organisation's calendar day.
    /// - Parameter excluding: messages that are about to ride inside the one being decided (`SameDayNotices`).
    static func pastContacts(
        of customerID: UUID, around date: LocalDate, excluding: Set<UUID> = [], on db: any Database
    ) async throws -> [PastContact] {
        let from = date.addingClamped(days: -7).iso
        let messages = try await OutboxMessage.query(on: db).filter(\.$customer.$id == customerID)
            .filter(\.$scheduledOn >= from).filter(\.$status != .cancelled).all()
        let calls = try await CollectionTask.query(on: db).filter(\.$customer.$id == customerID)
            .filter(\.$kind == .call).filter(\.$dueOn >= from).filter(\.$status != .cancelled).all()
        var contacts: [PastContact] = []
        for message in messages where message.kind.isDunning && !excluding.contains(message.id ?? UUID()) {
            guard let day = try? LocalDate(iso: message.scheduledOn) else { continue }
            contacts.append(PastContact(date: day, channel: ContactChannel(message.channel)))
        }
        for call in calls where call.dedupeKey.hasPrefix("\(CollectionTaskKind.call.rawValue):") {
            guard let day = try? LocalDate(iso: call.dueOn) else { continue }
            contacts.append(PastContact(date: day, channel: .call))
        }
        return contacts
    }
}
