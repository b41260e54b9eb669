import CarteraCore
import Foundation

/// Words for policy steps: the day relative to the due date, channel, tone and template by name.
enum PolicyWords {
    static func when(_ offset: Int, _ format: PageFormat) -> String {
        offset == 0
            ? format.text("step.on_due")
            : format.text(offset < 0 ? "step.before" : "step.after", ["days": String(offset.magnitude)])
    }
    static func channel(_ channel: ReminderChannel, _ format: PageFormat) -> String {
        format.text("channel.\(channel.rawValue)")
    }
    static func tone(_ tone: ReminderTone, _ format: PageFormat) -> String { format.text("tone.\(tone.rawValue)") }
    static func template(_ key: TemplateKey, _ format: PageFormat) -> String {
        format.text("template.key.\(key.rawValue)")
    }
}

typealias PageOption = SelectOption

extension PolicyPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let n: Int
            let number: Int
            let key: String
            let days: String
            let whens: [PageOption]
            let channels: [PageOption]
            let tones: [PageOption]
            let templates: [PageOption]
            let remove: Bool
            let isNew: Bool
            let summary: String
            let daysError: String?
            let channelError: String?
            let toneError: String?
            let templateError: String?
        }
        struct Planned: Encodable {
            let date: String
            let when: String
            let what: String
            let moved: String?
            let skipped: Bool
            let x: Int
            let labelY: Int
        }
        struct Follower: Encodable {
            let id: String
            let name: String
            let url: String
        }

        let id: String
        let isBuiltIn: Bool
        let name: String
        let nameError: String?
        let isDefault: Bool
        let stepsError: String?
        let rows: [Row]
        let rowCount: Int
        let sample: String
        let planned: [Planned]?
        /// "hoy: Primer aviso · correo", "en 10 días: …" for an old invoice at go-live.
        let firstContact: [String]?
        let dueX: Int
        let dueLabel: String
        let followerCount: String
        let followers: [Follower]
        let others: [PageOption]
        let saveURL: String
        let previewURL: String
        let assignURL: String?
        let listURL = AppURL.policies

        init(data: PolicyPageData, format: PageFormat, standardName: String) {
            let form = data.form
            let errors = data.errors
            id = data.named.id?.uuidString ?? AppURL.standardPolicySegment
            isBuiltIn = data.named.id == nil
            name = data.named.id == nil && form.name == PolicyService.standard.name ? standardName : form.name
            nameError = errors["name"]
            isDefault = data.named.isDefault
            stepsError = errors["steps"]
            rows = form.rows.enumerated().map { n, row in
                let isNew = row.key.isEmpty && n == form.rows.count - 1
                let offset = try? PolicyForm.offset(row, field: "")
                var summary = ""
                if let offset, let channel = ReminderChannel(rawValue: row.channel) {
                    summary = "\(PolicyWords.when(offset, format)) · \(PolicyWords.channel(channel, format))"
                }
                return Row(
                    n: n, number: n + 1, key: row.key, days: row.days,
                    whens: PolicyForm.When.allCases.map {
                        PageOption(
                            value: $0.rawValue, label: format.text("policy.when.\($0.rawValue)"),
                            selected: $0.rawValue == row.when)
                    },
                    channels: ReminderChannel.allCases.map {
                        PageOption(
                            value: $0.rawValue, label: PolicyWords.channel($0, format),
                            selected: $0.rawValue == row.channel)
                    },
                    tones: ReminderTone.allCases.map {
                        PageOption(
                            value: $0.rawValue, label: PolicyWords.tone($0, format), selected: $0.rawValue == row.tone)
                    },
                    templates: [
                        PageOption(
                            value: "", label: format.text("policy.template_by_tone"), selected: row.template.isEmpty)
                    ]
                        + TemplateKey.allCases.map {
                            PageOption(
                                value: $0.rawValue, label: PolicyWords.template($0, format),
                                selected: $0.rawValue == row.template)
                        },
                    remove: row.remove, isNew: isNew, summary: summary,
                    daysError: errors["days_\(n)"], channelError: errors["channel_\(n)"],
                    toneError: errors["tone_\(n)"], templateError: errors["template_\(n)"])
            }
            rowCount = form.rows.count
            let sample = data.sample
            if let number = sample.number, let customer = sample.customer {
                self.sample = format.text(
                    "policy.sample.real",
                    [
                        "number": number, "customer": customer, "issued": format.date(sample.issued),
                        "due": format.date(sample.due),
                    ])
            } else {
                self.sample = format.text(
                    "policy.sample.made_up", ["issued": format.date(sample.issued), "due": format.date(sample.due)])
            }
            // The timeline: the sample's issue day on the left, the last day anything goes on the right.
            let days =
                (data.schedule ?? []).flatMap { [$0.planned, $0.sent ?? $0.planned] } + [sample.issued, sample.due]
            let first = days.min() ?? sample.issued
            let span = max(first.days(until: days.max() ?? sample.due), 1)
            let x = { (date: LocalDate) in 50 + Int((Double(first.days(until: date)) / Double(span)) * 540) }
            dueX = x(sample.due)
            dueLabel = format.date(sample.due)
            planned = data.schedule?.enumerated().map { index, scheduled in
                let step = scheduled.step
                var what = PolicyWords.channel(step.channel, format) + " · " + PolicyWords.tone(step.tone, format)
                if step.channel.hasTemplate, let key = TemplateKey(rawValue: step.templateKey) {
                    what += " · " + PolicyWords.template(key, format)
                }
                let moved = scheduled.sent.flatMap { sent in
                    sent == scheduled.planned
                        ? nil : format.text("policy.preview.moved", ["date": format.date(scheduled.planned)])
                }
                return Planned(
                    date: scheduled.sent.map(format.date) ?? format.text("policy.preview.not_sent"),
                    when: PolicyWords.when(step.offsetDays, format), what: what, moved: moved,
                    skipped: scheduled.sent == nil, x: x(scheduled.sent ?? scheduled.planned),
                    labelY: index % 2 == 0 ? 22 : 70)
            }
            let today = data.firstContact?.compactMap(\.sent).min()
            firstContact = data.firstContact?.compactMap { scheduled in
                guard let sent = scheduled.sent, let today else { return nil }
                let step = scheduled.step
                let days = today.days(until: sent)
                let when =
                    days == 0
                    ? format.text("policy.first_contact.first_day")
                    : format.text("policy.first_contact.later", ["days": String(days)])
                var what = PolicyWords.channel(step.channel, format) + " · " + PolicyWords.tone(step.tone, format)
                if step.channel.hasTemplate, let key = TemplateKey(rawValue: step.templateKey) {
                    what += " · " + PolicyWords.template(key, format)
                }
                return "\(when): \(what)"
            }
            followerCount = format.text("policy.followers", ["count": String(data.followerCount)])
            followers = data.followers.compactMap { customer in
                customer.id.map { Follower(id: $0.uuidString, name: customer.legalName, url: AppURL.customer($0)) }
            }
            others = data.others.compactMap { customer in
                customer.id.map { PageOption(value: $0.uuidString, label: customer.legalName, selected: false) }
            }
            saveURL = AppURL.policy(data.named.id)
            previewURL = AppURL.policyPreview(data.named.id)
            assignURL = data.named.id.map(AppURL.policyCustomers)
        }
    }
}

extension PoliciesPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let name: String
            let url: String
            let steps: String
            let customers: String
            let isDefault: Bool
            let firstAndLast: String
        }
        /// One rule that chooses a policy, in words, with its move and delete forms.
        struct Rule: Encodable {
            let number: Int
            let conditions: String
            let policy: String
            let upURL: String?
            let downURL: String?
            let deleteURL: String
        }
        let rows: [Row]
        let rules: [Rule]
        /// The organisation's own policies (a rule picks one of them); none: rules cannot be added yet.
        let rulePolicies: [PageOption]
        let riskOptions: [PageOption]
        let amountExample: String
        let currency: String
        let createURL = AppURL.policies
        let templatesURL = AppURL.templates
        let addRuleURL = AppURL.policyRules

        init(data: PoliciesPageData, format: PageFormat, standardName: String) {
            let names = Dictionary(
                data.policies.compactMap { named, _ in named.id.map { ($0, named.name) } }
            ) { first, _ in first }
            rules = data.rules.enumerated().map { index, rule in
                Rule(
                    number: index + 1, conditions: PolicyChoice.conditions(rule, format),
                    policy: names[rule.policyID] ?? "",
                    upURL: index > 0 ? AppURL.policyRule(index, .up) : nil,
                    downURL: index < data.rules.count - 1 ? AppURL.policyRule(index, .down) : nil,
                    deleteURL: AppURL.policyRule(index, .delete))
            }
            rulePolicies = data.policies.compactMap { named, _ in
                named.id.map { PageOption(value: $0.uuidString, label: named.name) }
            }
            riskOptions =
                [PageOption(value: "", label: format.text("policy_rule.risk.any"))]
                + RiskLevel.allCases.dropFirst().map {
                    PageOption(value: $0.rawValue, label: format.text("policy_rule.risk.at_least.\($0.rawValue)"))
                }
            amountExample = format.amountExample
            currency = format.composer.organisation.defaultCurrency
            rows = data.policies.map { named, customers in
                let steps = named.policy.steps
                var span = ""
                if let first = steps.first, let last = steps.last {
                    span = format.text(
                        "policy.span",
                        [
                            "first": PolicyWords.when(first.offsetDays, format),
                            "last": PolicyWords.when(last.offsetDays, format),
                        ])
                }
                return Row(
                    name: named.id == nil ? standardName : named.name, url: AppURL.policy(named.id),
                    steps: format.text("policy.step_count", ["count": String(steps.count)]),
                    customers: format.text("policy.followers", ["count": String(customers)]),
                    isDefault: named.isDefault, firstAndLast: span)
            }
        }
    }
}
