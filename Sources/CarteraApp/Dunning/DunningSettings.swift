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
    /// See `DunningFacts.collectionsStart`.
    let collectionsStart: LocalDate?
    /// The ordered rules that choose a policy (see `PolicySelector`), and the policies' names to say so.
    let selectionRules: [PolicyRule]
    let policyNames: [UUID: String]

    static func load(for organisation: Organisation, on db: any Database) async throws -> DunningSettings {
        let records = try await CollectionPolicyRecord.query(on: db).filter(
            \.$organisationID == organisation.requireID()
        ).all()
        var policies: [UUID: CollectionPolicy] = [:]
        for record in records { policies[try record.requireID()] = try record.policy }
        let defaultPolicy = try records.first(where: \.isDefault).map { try $0.policy } ?? .standard
        let selectionRules = try await PolicyRuleRecord.query(on: db)
            .filter(\.$organisationID == organisation.requireID()).sort(\.$position).all().map(\.rule)
        return DunningSettings(
            defaultPolicy: defaultPolicy, policies: policies,
            calendar: WorkingCalendar(
                workingWeekdays: Set(StoredList<Int>.decode(organisation.workingWeekdays)),
                holidays: Set(StoredList<LocalDate>.decode(organisation.holidays))),
            enabledKinds: organisation.enabledReminderKinds,
            summaryFrequency: organisation.summaryFrequency,
            collectionsStart: organisation.collectionsStart.flatMap { try? LocalDate(iso: $0) },
            selectionRules: selectionRules.filter { policies[$0.policyID] != nil },
            policyNames: Dictionary(uniqueKeysWithValues: try records.map { (try $0.requireID(), $0.name) }))
    }

    static func kinds(_ list: String) -> Set<ReminderKind> {
        Set(StoredList<ReminderKind>.decode(list))
    }

    /// The rules one customer's invoices follow: the policy `policyChoice` picks, the customer's kinds.
    func rules(for settings: DunningQuery.CustomerSettings?, profile: PolicySelector.Customer? = nil) -> DunningRules {
        let kinds = enabledKinds.subtracting(Self.kinds(settings?.reminderKindsOff ?? ""))
        return DunningRules(
            policy: policyChoice(for: settings, profile: profile).policy, calendar: calendar, enabledKinds: kinds)
    }

    /// Which policy a customer follows and why: their own, the first of the organisation's rules that
    /// matches `profile` (what `PolicySelectorQuery.profiles` read), or the default. Without a profile
    /// the rules are not looked at.
    func policyChoice(for settings: DunningQuery.CustomerSettings?, profile: PolicySelector.Customer?) -> PolicyChoice {
        let own = settings?.collectionPolicyId.flatMap { policies[$0] == nil ? nil : $0 }
        let choice = PolicySelector.choose(own: own, rules: selectionRules, customer: profile)
        let id = choice.policyID
        return PolicyChoice(
            policy: id.flatMap { policies[$0] } ?? defaultPolicy, policyName: id.flatMap { policyNames[$0] },
            choice: choice)
    }

    /// Which policy each of `customerIDs` follows on `date` and why, read set-based: for the page of
    /// what the next run will send ("chosen by rule 2: …", `PolicyChoice.words`).
    func policyChoices(for customerIDs: [UUID], on date: LocalDate, in context: ServiceContext) async throws
        -> [UUID: PolicyChoice]
    {
        let own = try await DunningQuery.customerSettings(organisationID: context.organisationID, on: context.db)
        let profiles = try await PolicySelectorQuery.profiles(for: customerIDs, settings: self, on: date, in: context)
        var choices: [UUID: PolicyChoice] = [:]
        for id in customerIDs { choices[id] = policyChoice(for: own[id], profile: profiles[id]) }
        return choices
    }

    /// Whether any rule looks at the risk level or the tags (which cost a query each to read).
    var rulesUseRisk: Bool { selectionRules.contains { !$0.riskLevels.isEmpty } }
    var rulesUseTags: Bool { selectionRules.contains { $0.tag != nil } }

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
