/// The five reminders a customer can receive (new invoice, receipt, before due, overdue, summary), each switchable per organisation and customer.
public enum ReminderKind: String, Codable, Sendable, CaseIterable {
    case newInvoice = "new_invoice"
    case paymentReceived = "payment_received"
    case beforeDue = "before_due"
    case overdue
    case debtSummary = "debt_summary"

    /// Reminders about money owed count toward the one-message-a-day cap; receipts and new invoices don't.
    public var isDunning: Bool {
        switch self {
        case .beforeDue, .overdue, .debtSummary: true
        case .newInvoice, .paymentReceived: false
        }
    }
}

public enum ReminderChannel: String, Codable, Sendable, CaseIterable {
    case email, sms, letter
    /// Not sent: becomes a task on the collector's list.
    case callTask = "call_task"

    /// Letters and call tasks are produced for people to act on; nothing is transmitted.
    public var isTransmitted: Bool {
        switch self {
        case .email, .sms: true
        case .letter, .callTask: false
        }
    }

    /// Goes to the collector's task list instead of to the customer, so it is batched apart.
    public var isForCollector: Bool {
        switch self {
        case .callTask: true
        case .email, .sms, .letter: false
        }
    }

    /// Has wording of its own (a template per language); a call task is only a task.
    public var hasTemplate: Bool {
        switch self {
        case .email, .sms, .letter: true
        case .callTask: false
        }
    }
}

/// How firm the wording is; when several invoices are grouped, the firmest one sets the tone.
public enum ReminderTone: String, Codable, Sendable, CaseIterable, Comparable {
    case friendly, firm
    case finalNotice = "final_notice"

    public static func < (lhs: ReminderTone, rhs: ReminderTone) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
