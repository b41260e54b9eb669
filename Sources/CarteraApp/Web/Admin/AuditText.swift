import CarteraCore
import Foundation

/// The audit trail in words: who (a person by name, an API key by its name, the scheduler, the
/// portal), what happened by name, and the details that mean something to a reader — amounts, days
/// and values in words. Ids (the row links to what it is about) and machine-only fields are left out.
struct AuditText {
    let format: PageFormat
    /// Signed-in people by email, for "user:ana@…".
    let people: [String: String]

    func actor(_ recorded: String) -> String {
        let (kind, name) = split(recorded)
        switch kind {
        case "user": return people[name] ?? name
        case "api_key": return format.text("audit.by.api_key", ["name": name])
        case "portal": return format.text("audit.by.portal", ["name": name])
        case "stripe": return format.text("audit.by.online_payment")
        case "cli", "bench": return format.text("audit.by.command_line")
        default: return format.text("audit.by.system")
        }
    }

    func action(_ code: String) -> String {
        let label = format.text("audit.\(code)")
        return label == "audit.\(code)" ? format.text("audit.other_event") : label
    }

    /// "Importe: 1.500.000,00 · Forma de pago: transferencia": labelled details only, in key order.
    func details(_ details: [String: String], entity: String) -> String {
        details.keys.sorted().compactMap { key -> String? in
            guard let value = details[key], !value.isEmpty, !key.hasSuffix("_id"), UUID(uuidString: value) == nil
            else { return nil }
            let label = format.text("audit.field.\(key)")
            guard label != "audit.field.\(key)",
                let shown = self.value(value, key: key, details: details, entity: entity)
            else { return nil }
            return "\(label): \(shown)"
        }.joined(separator: " · ")
    }

    private func value(_ value: String, key: String, details: [String: String], entity: String) -> String? {
        if value == "true" || value == "false" { return format.text(value == "true" ? "audit.yes" : "audit.no") }
        if value.count == 10, let day = try? LocalDate(iso: value) { return format.date(day) }
        if value.count > 10, let moment = format.moment(iso: value) { return moment }
        if key == "amount_minor", let minor = Int64(value) {
            return format.money(minor, details["currency"] ?? format.composer.organisation.defaultCurrency)
        }
        if ["amount", "total", "balance_after"].contains(key) {
            let code = details["currency"] ?? format.composer.organisation.defaultCurrency
            guard let currency = try? Currency(code: code),
                let money = try? Money(decimalString: value, currency: currency)
            else { return nil }
            return format.money(money)
        }
        if let prefixes = Self.wordsFor[key] {
            let prefixes = key == "role" && entity == "contact" ? ["contact.role."] : prefixes
            for prefix in prefixes {
                let words = format.text(prefix + value)
                if words != prefix + value { return words }
            }
            return nil
        }
        // Free text people typed (names, reasons, references) and counts are shown as they are.
        return value
    }

    /// Details whose values are codes, and the locale prefixes that say them in words.
    static let wordsFor: [String: [String]] = [
        "method": ["payment.method."], "channel": ["channel."], "language": ["language."], "role": ["role."],
        "outcome": ["call.outcome."], "kind": ["settlement.", "audit.kind."], "status": ["invoice.status."],
        "resolution": ["dispute.resolution."], "key": ["audit.template."], "format": ["audit.format."],
        "preset": ["audit.format."], "from": ["audit.from."], "to": ["audit.to."], "period": ["audit.period."],
        "steps": [], "prefix": [], "review": [], "default": [],
    ]

    private func split(_ recorded: String) -> (String, String) {
        guard let colon = recorded.firstIndex(of: ":") else { return (recorded, "") }
        return (String(recorded[..<colon]), String(recorded[recorded.index(after: colon)...]))
    }
}
