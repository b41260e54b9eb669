import CarteraCore
import Foundation

@testable import CarteraApp

/// Where the code looks up locale keys, read from its sources: `req.text("…")` and a page's title
/// (under `ui.`), `localizer.text("…")` (as written) and `#t("…")` in templates (under `ui.`).
enum LocaleKeyUses {
    struct Use: Hashable {
        let key: String
        let file: String
    }

    /// Keys built from an enum's raw value: every case needs its text.
    struct CasePattern {
        let prefix: String
        var suffix = ""
        let cases: [String]
        var keys: [String] { cases.map { prefix + $0 + suffix } }
    }

    static let casePatterns: [CasePattern] = [
        .init(prefix: "ui.aging.", cases: values(AgingBucket.self)),
        .init(prefix: "ui.role.", cases: values(Role.self)),
        .init(prefix: "ui.hold.", cases: values(DunningHoldReason.self)),
        .init(prefix: "ui.safety.reason.", cases: values(SafetyHoldKind.self)),
        .init(prefix: "ui.next_run.weekday.", cases: (1...7).map(String.init)),
        .init(prefix: "ui.plan.status.", cases: values(PaymentPlanStatus.self)),
        .init(prefix: "ui.plan.instalment.", cases: values(InstalmentStanding.State.self)),
        .init(prefix: "ui.contact.role.", cases: values(ContactRole.self)),
        .init(prefix: "contact_window.day.", cases: (1...7).map(String.init)),
        .init(prefix: "ui.consent.", cases: values(ConsentState.self)),
        .init(prefix: "ui.consent_source.", cases: values(ConsentSource.self)),
        .init(prefix: "ui.contact_channel.", cases: values(ContactChannel.self)),
        .init(prefix: "ui.portal.preferences.channel.", cases: values(ContactChannel.self)),
        .init(prefix: "ui.jurisdiction.", cases: values(Jurisdiction.self)),
        // The zones the customer form offers; another (the organisation's own) is shown by its identifier.
        .init(prefix: "ui.time_zone.", cases: CustomerFormContext.timeZones),
        .init(prefix: "ui.risk.", cases: values(RiskLevel.self)),
        .init(prefix: "ui.policy_rule.risk.at_least.", cases: Array(values(RiskLevel.self).dropFirst())),
        .init(prefix: "ui.risk.reason.", cases: values(RiskReason.Code.self)),
        .init(prefix: "ui.credit.reason.", cases: values(CreditCheck.Reason.Code.self)),
        .init(prefix: "ui.promise.status.", cases: values(PromiseStatus.self)),
        .init(prefix: "ui.payment.method.", cases: values(PaymentMethod.self)),
        .init(prefix: "ui.call.outcome.", cases: values(CallOutcome.self)),
        .init(prefix: "ui.channel.", cases: values(ReminderChannel.self)),
        .init(prefix: "ui.tone.", cases: values(ReminderTone.self)),
        .init(prefix: "ui.template.key.", cases: values(TemplateKey.self)),
        .init(prefix: "ui.template.variable.", cases: values(TemplateVariable.self)),
        .init(prefix: "ui.policy.when.", cases: values(PolicyForm.When.self)),
        .init(prefix: "ui.invoice.status.", cases: values(InvoiceStatus.self)),
        .init(prefix: "ui.settlement.", cases: values(InvoiceSettlement.Kind.self)),
        .init(prefix: "ui.message.status.", cases: values(OutboxStatus.self)),
        .init(prefix: "ui.message.origin.", cases: values(MessageStep.Origin.self)),
        .init(prefix: "ui.message.failure.", cases: values(DeliveryFailure.self)),
        .init(prefix: "ui.task.kind.", cases: values(CollectionTaskKind.self)),
        .init(prefix: "ui.tasks.due.", cases: values(TaskService.Due.self)),
        .init(prefix: "ui.tasks.scope.", cases: ["mine", "all", "unassigned"]),
        .init(prefix: "ui.dispute.resolution.", cases: values(DisputeService.Resolution.self)),
        .init(prefix: "ui.prediction.basis.", cases: values(PaymentPrediction.Basis.self)),
        .init(prefix: "ui.import.kind.", cases: values(ImportKind.self)),
        .init(prefix: "ui.import.would.", cases: values(ImportKind.self)),
        .init(prefix: "ui.import.preset.", cases: values(ImportSettings.Preset.self)),
        .init(prefix: "ui.import.locale.", cases: values(ImportLocale.self) + ["auto"]),
        .init(prefix: "ui.import.field.", cases: values(ImportField.self)),
        .init(prefix: "ui.setup.locale.", cases: values(SupportedLocale.self)),
        .init(prefix: "ui.settings.locale.", cases: values(SupportedLocale.self)),
        .init(prefix: "ui.settings.kind.", cases: values(ReminderKind.self)),
        .init(prefix: "ui.settings.kind_hint.", cases: values(ReminderKind.self)),
        .init(prefix: "ui.settings.event_delivery.", cases: values(EventDelivery.self)),
        .init(
            prefix: "ui.settings.event_delivery_hint.",
            cases: ReminderKind.eventKinds.flatMap { kind in
                values(EventDelivery.self).map { "\(kind.rawValue).\($0)" }
            }),
        .init(prefix: "ui.settings.late_fee_policy.", cases: values(LateFeePolicyName.self)),
        .init(prefix: "ui.settings.stale_mode.", cases: values(StaleStatementMode.self)),
        .init(prefix: "ui.settings.country.", cases: values(HolidayCountry.self)),
        .init(
            prefix: "ui.settings.tab.", cases: ["organisation", "reminders", "rates", "letters", "people", "api_keys"]),
        .init(prefix: "ui.bank_account_type.", cases: values(BankAccountType.self)),
        .init(prefix: "bank_account_type.", cases: values(BankAccountType.self)),
        .init(prefix: "ui.tax_kind.", cases: values(TaxID.Kind.self)),
        .init(prefix: "timeline.", cases: values(TimelineKind.self)),
        .init(prefix: "ui.timeline.kind.", cases: values(TimelineKind.self)),
        .init(prefix: "ui.language.", cases: values(SupportedLocale.Language.self)),
        .init(prefix: "task.", suffix: ".title", cases: values(CollectionTaskKind.self)),
        .init(prefix: "date.month.", cases: (1...12).map(String.init)),
        .init(prefix: "ui.letter.month.", cases: (1...12).map(String.init)),
        .init(prefix: "ui.letter.tax_id.", cases: SupportedLocale.allCases.map(LetterSheet.taxIDLabel)),
    ]

    /// Patterns over open sets of strings, not enums: audit actions, error and refusal codes, CSV
    /// column names, dashboard age bands, and the `ui.` the translating helpers themselves add.
    static let openPrefixes: Set<String> = [
        "ui.", "error.", "ui.audit.", "import.error.", "ui.portal.error.", "ui.reports.csv.", "ui.reports.file.",
        "ui.dashboard.dispute_age.", "ui.audit.field.",
        // Form fields named by a refusal, and the pages' wording of each refusal code.
        "ui.field.", "error.page.",
        // Currency names: a currency without one is shown by its code.
        "ui.currency.",
    ]

    static func literalKeys(root: URL) throws -> Set<Use> {
        var uses = Set<Use>()
        for (file, text) in try sources(root: root, under: "Sources/CarteraApp", ending: ".swift") {
            for match in text.matches(of: #/(\w+)\??\.text\("([a-z0-9_.\-]+)"/#) {
                switch match.1 {
                case "req", "request": uses.insert(Use(key: "ui." + match.2, file: file))
                case "localizer": uses.insert(Use(key: String(match.2), file: file))
                default: break
                }
            }
            for match in text.matches(of: #/render\("[^"]*", title: "([a-z0-9_.\-]+)"/#) {
                uses.insert(Use(key: "ui." + match.1, file: file))
            }
        }
        for (file, text) in try sources(root: root, under: "Sources/CarteraApp/Resources/Views", ending: ".leaf") {
            for match in text.matches(of: #/#t\("([^"]+)"/#) { uses.insert(Use(key: "ui." + match.1, file: file)) }
        }
        return uses
    }

    /// The fixed part of every key built with `\(…)`, as looked up.
    static func interpolatedPrefixes(root: URL) throws -> Set<String> {
        var prefixes = Set<String>()
        for (file, text) in try sources(root: root, under: "Sources/CarteraApp", ending: ".swift") {
            for match in text.matches(of: #/(\w+\??\.)?text\("([a-z0-9_.\-]*)\\\(/#) {
                let receiver = match.1.map { String($0).replacingOccurrences(of: "?", with: "") }
                // Bare `text(` is the request's helper, except inside the localizer itself.
                let asWritten = receiver == "localizer." || (receiver == nil && file.hasSuffix("Localizer.swift"))
                prefixes.insert(asWritten ? String(match.2) : "ui." + match.2)
            }
        }
        return prefixes
    }

    private static func sources(root: URL, under folder: String, ending: String) throws -> [(String, String)] {
        let base = root.appendingPathComponent(folder)
        let paths =
            FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(ending)
            } ?? []
        return try paths.map { ($0, try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    private static func values<Value: CaseIterable & RawRepresentable>(_: Value.Type) -> [String]
    where Value.RawValue == String {
        Value.allCases.map(\.rawValue)
    }
}
