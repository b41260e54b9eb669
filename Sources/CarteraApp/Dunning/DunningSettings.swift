import CarteraCore
import Fluent
import Foundation

/// An organisation's dunning configuration, read once per run.
struct DunningSettings: Sendable {
    let defaultPolicy: CollectionPolicy
    let policies: [UUID: CollectionPolicy]
    let calendar: WorkingCalendar
    let enabledKinds: Set<ReminderKind>
    let summaryFrequency: SummaryFrequency

    static func load(for organisation: Organisation, on db: any Database) async throws -> DunningSettings {
        let records = try await CollectionPolicyRecord.query(on: db).filter(
            \.$organisationID == organisation.requireID()
        ).all()
        var policies: [UUID: CollectionPolicy] = [:]
        for record in records { policies[try record.requireID()] = try record.policy }
        let defaultPolicy = try records.first(where: \.isDefault).map { try $0.policy } ?? .standard
        return DunningSettings(
            defaultPolicy: defaultPolicy, policies: policies,
            calendar: WorkingCalendar(
                workingWeekdays: Set(StoredList<Int>.decode(organisation.workingWeekdays)),
                holidays: Set(StoredList<LocalDate>.decode(organisation.holidays))),
            enabledKinds: organisation.enabledReminderKinds,
            summaryFrequency: organisation.summaryFrequency)
    }

    static func kinds(_ list: String) -> Set<ReminderKind> {
        Set(StoredList<ReminderKind>.decode(list))
    }

    func rules(for settings: DunningQuery.CustomerSettings?) -> DunningRules {
        let policy = settings?.collectionPolicyId.flatMap { policies[$0] } ?? defaultPolicy
        let kinds = enabledKinds.subtracting(Self.kinds(settings?.reminderKindsOff ?? ""))
        return DunningRules(policy: policy, calendar: calendar, enabledKinds: kinds)
    }

    /// The earliest step of any policy: invoices due later than today minus it cannot have a step yet.
    var earliestOffset: Int {
        ([defaultPolicy] + policies.values).compactMap { $0.steps.first?.offsetDays }.min() ?? 0
    }

    /// Statements go out on the first working day of the week or month.
    func isSummaryDay(_ date: LocalDate) -> Bool {
        guard calendar.isWorkingDay(date) else { return false }
        let periodStart: LocalDate
        switch summaryFrequency {
        case .off: return false
        case .weekly: periodStart = date.addingClamped(days: 1 - date.weekday)
        case .monthly: periodStart = date.startOfMonth
        }
        var first = periodStart
        while !calendar.isWorkingDay(first) && first < date { first = first.addingClamped(days: 1) }
        return first == date
    }
}
