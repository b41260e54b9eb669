/// One step of a collection policy: what to do how many days before (negative) or after the due date.
public struct PolicyStep: Hashable, Codable, Sendable {
    /// Stable identifier: an invoice gets each step at most once, keyed by this.
    public let key: String
    public let offsetDays: Int
    public let channel: ReminderChannel
    public let tone: ReminderTone
    /// Which template renders it; by default chosen from the kind and tone: "before_due",
    /// "overdue", "overdue_firm" or "final_notice".
    public let templateKey: String

    public init(key: String, offsetDays: Int, channel: ReminderChannel, tone: ReminderTone, templateKey: String? = nil)
    {
        self.key = key
        self.offsetDays = offsetDays
        self.channel = channel
        self.tone = tone
        self.templateKey = templateKey ?? Self.defaultTemplateKey(offsetDays: offsetDays, tone: tone)
    }

    public static func defaultTemplateKey(offsetDays: Int, tone: ReminderTone) -> String {
        guard offsetDays > 0 else { return TemplateKey.beforeDue.rawValue }
        switch tone {
        case .friendly: return TemplateKey.overdue.rawValue
        case .firm: return TemplateKey.overdueFirm.rawValue
        case .finalNotice: return TemplateKey.finalNotice.rawValue
        }
    }

    /// The key a first notice is recorded under; no policy step may take it.
    public static let firstNoticeKey = "first_notice"

    /// The due day itself still counts as "about to fall due": the invoice is not late yet.
    public var kind: ReminderKind { offsetDays <= 0 ? .beforeDue : .overdue }

    /// Held to the supported dates: a step that would fall after 2199-12-31 is scheduled on it.
    public func scheduledDate(dueDate: LocalDate) -> LocalDate { dueDate.addingClamped(days: offsetDays) }
}

/// An ordered list of steps: the organisation's default, or a customer's own.
public struct CollectionPolicy: Hashable, Codable, Sendable {
    public let steps: [PolicyStep]

    /// How far from the due date a step may fall: up to 90 days before, up to a year after.
    public static let offsetRange = -90...365
    public static let maximumSteps = 30

    public init(steps: [PolicyStep]) throws {
        guard !steps.isEmpty, steps.count <= Self.maximumSteps else {
            throw DomainError(code: "invalid_policy", field: "steps", message: "A policy has between 1 and 30 steps")
        }
        for (index, step) in steps.enumerated() {
            let field = "steps[\(index)]"
            guard Self.offsetRange.contains(step.offsetDays) else {
                throw DomainError(
                    code: "invalid_policy", field: "\(field).offset_days",
                    message: "offset_days must be between -90 and 365")
            }
            guard step.key != PolicyStep.firstNoticeKey, !step.key.isEmpty, step.key.count <= 40,
                step.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            else {
                throw DomainError(
                    code: "invalid_policy", field: "\(field).key",
                    message: "key must be 1–40 letters, digits, _ or -, and not first_notice")
            }
        }
        guard Set(steps.map(\.key)).count == steps.count else {
            throw DomainError(code: "invalid_policy", field: "steps", message: "Step keys must be unique")
        }
        guard Set(steps.map(\.offsetDays)).count == steps.count else {
            throw DomainError(code: "invalid_policy", field: "steps", message: "Two steps cannot fall on the same day")
        }
        self.steps = steps.sorted { $0.offsetDays < $1.offsetDays }
    }

    /// The policy's first step after the due date (the smallest offset above 0): the one a first
    /// notice stands in for.
    public var firstOverdueStep: PolicyStep? { steps.first { $0.offsetDays > 0 } }

    /// What a customer gets instead of jumping to a later step when the first contact about an
    /// overdue invoice is due (see `DunningRules`): the first overdue step's day and channel (so a
    /// letter is a first message only when the policy's own first overdue step is a letter), friendly,
    /// with the `first_notice` wording, which refers to no earlier notice. Its key is its own, so an
    /// invoice gets it at most once, like any step.
    public var firstNotice: PolicyStep? {
        firstOverdueStep.map {
            PolicyStep(
                key: PolicyStep.firstNoticeKey, offsetDays: $0.offsetDays, channel: $0.channel, tone: .friendly,
                templateKey: TemplateKey.firstNotice.rawValue)
        }
    }

    /// Seed 003's schedule — 10 days before, the due day, 10 days after, all friendly — then
    /// escalating: a firm second notice at 20 days, a call at 30, a final notice at 45, a letter at 60.
    /// A key for a new step that no step in `taken` has: "before_5", "due_day", "after_25", then
    /// "after_25_2" … (an invoice gets each key at most once, so a new step needs a key of its own).
    public static func newStepKey(offsetDays: Int, taken: Set<String>) -> String {
        let base =
            offsetDays == 0 ? "due_day" : "\(offsetDays < 0 ? "before" : "after")_\(offsetDays.magnitude)"
        var key = base
        var suffix = 2
        while taken.contains(key) {
            key = "\(base)_\(suffix)"
            suffix += 1
        }
        return key
    }

    public static let standard = try! CollectionPolicy(steps: [
        PolicyStep(key: "before_10", offsetDays: -10, channel: .email, tone: .friendly),
        PolicyStep(key: "due_day", offsetDays: 0, channel: .email, tone: .friendly),
        PolicyStep(key: "after_10", offsetDays: 10, channel: .email, tone: .friendly),
        PolicyStep(key: "after_20", offsetDays: 20, channel: .email, tone: .firm),
        PolicyStep(key: "call_30", offsetDays: 30, channel: .callTask, tone: .firm),
        PolicyStep(key: "final_45", offsetDays: 45, channel: .email, tone: .finalNotice),
        PolicyStep(key: "letter_60", offsetDays: 60, channel: .letter, tone: .finalNotice),
    ])
}
