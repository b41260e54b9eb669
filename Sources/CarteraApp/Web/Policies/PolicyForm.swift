import CarteraCore
import Foundation

/// The policy page's step editor as typed: one row per step, fields `key_<n>` (hidden), `days_<n>`,
/// `when_<n>` (before, on or after the due day), `channel_<n>`, `tone_<n>`, `template_<n>` and
/// `remove_<n>`, for `n` below `rows`; the last row is blank, for a new step. Kept as typed (strings),
/// so a refused form comes back exactly as it was; turned into the API's input by `input()`.
struct PolicyForm: Sendable {
    enum When: String, CaseIterable, Sendable {
        case before, due, after
    }

    struct Row: Sendable {
        var key = ""
        var days = ""
        var when = When.after.rawValue
        var channel = ReminderChannel.email.rawValue
        var tone = ReminderTone.friendly.rawValue
        var template = ""
        var remove = false

        var isBlankNew: Bool { key.isEmpty && days.trimmingCharacters(in: .whitespaces).isEmpty && when != "due" }
    }

    /// A value the page refuses before the service sees it (days that are not a number), by form field.
    struct FieldError: Error {
        let field: String
        let messageKey: String
    }

    var name: String
    var isDefault: Bool
    var rows: [Row]

    /// The stored policy, with a blank row to add a step.
    init(_ named: PolicyService.Named) {
        name = named.name
        isDefault = named.isDefault
        rows =
            named.policy.steps.map { step in
                Row(
                    key: step.key, days: step.offsetDays == 0 ? "" : String(step.offsetDays.magnitude),
                    when: (step.offsetDays < 0 ? When.before : step.offsetDays == 0 ? .due : .after).rawValue,
                    channel: step.channel.rawValue, tone: step.tone.rawValue, template: step.templateKey)
            } + [Row()]
    }

    /// A posted (or remembered) form: the field names above, the values as typed.
    init(fields: [String: String]) {
        name = fields["name"] ?? ""
        isDefault = fields["isDefault"] != nil
        let count = min(Int(fields["rows"] ?? "") ?? 0, CollectionPolicy.maximumSteps + 1)
        rows = (0..<max(count, 0)).map { n in
            Row(
                key: fields["key_\(n)"] ?? "", days: fields["days_\(n)"] ?? "",
                when: fields["when_\(n)"] ?? When.after.rawValue,
                channel: fields["channel_\(n)"] ?? "", tone: fields["tone_\(n)"] ?? "",
                template: fields["template_\(n)"] ?? "", remove: fields["remove_\(n)"] != nil)
        }
    }

    /// The steps kept (not removed, not the blank new row) as the API's input, and for each the row
    /// it came from (so a service's `steps[i]…` error goes next to row `rows[i]`).
    func input() throws -> (input: CollectionPolicyInput, rows: [Int]) {
        var steps: [PolicyStepInput] = []
        var used: [Int] = []
        var taken = Set(rows.map(\.key).filter { !$0.isEmpty })
        for (n, row) in rows.enumerated() where !row.remove && !row.isBlankNew {
            let offset = try Self.offset(row, field: "days_\(n)")
            var key = row.key
            if key.isEmpty {
                key = CollectionPolicy.newStepKey(offsetDays: offset, taken: taken)
                taken.insert(key)
            }
            steps.append(
                PolicyStepInput(
                    key: key, offsetDays: offset, channel: row.channel, tone: row.tone,
                    template: row.template.isEmpty ? nil : row.template))
            used.append(n)
        }
        return (CollectionPolicyInput(name: name, isDefault: isDefault ? true : nil, steps: steps), used)
    }

    /// "10" before → -10; the due day is 0 whatever is typed; a whole number of days, nothing else.
    static func offset(_ row: Row, field: String) throws -> Int {
        guard let when = When(rawValue: row.when) else {
            throw FieldError(field: field, messageKey: "policy.error.when")
        }
        if when == .due { return 0 }
        let typed = row.days.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.allSatisfy(\.isASCII), let days = Int(typed), days >= 0 else {
            throw FieldError(field: field, messageKey: "policy.error.days_number")
        }
        return when == .before ? -days : days
    }

    /// Where a service's refusal goes on the page: `steps[2].channel` → `channel_<row of step 2>`.
    static func pageField(_ serviceField: String?, rows: [Int]) -> String {
        guard let serviceField, serviceField.hasPrefix("steps["),
            let close = serviceField.firstIndex(of: "]"),
            let index = Int(serviceField[serviceField.index(serviceField.startIndex, offsetBy: 6)..<close]),
            rows.indices.contains(index)
        else { return serviceField ?? "steps" }
        let part = serviceField[close...].split(separator: ".").last.map(String.init) ?? ""
        let name =
            switch part {
            case "channel": "channel"
            case "tone": "tone"
            case "template": "template"
            default: "days"
            }
        return "\(name)_\(rows[index])"
    }

    /// The form's fields as posted, for a page that shows it again (`FormMemory.values`).
    var fields: [String: String] {
        var fields = ["name": name, "rows": String(rows.count)]
        if isDefault { fields["isDefault"] = "on" }
        for (n, row) in rows.enumerated() {
            fields["key_\(n)"] = row.key
            fields["days_\(n)"] = row.days
            fields["when_\(n)"] = row.when
            fields["channel_\(n)"] = row.channel
            fields["tone_\(n)"] = row.tone
            fields["template_\(n)"] = row.template
            if row.remove { fields["remove_\(n)"] = "on" }
        }
        return fields
    }
}
