/// The messages there is wording for: one template per key, language and channel. Policy steps and
/// stored templates refer to them by raw value.
public enum TemplateKey: String, CaseIterable, Sendable, Codable {
    case newInvoice = "new_invoice"
    case paymentReceived = "payment_received"
    case beforeDue = "before_due"
    /// A customer's first overdue message (see `DunningRules`): friendly, and it refers to nothing earlier.
    case firstNotice = "first_notice"
    case overdue
    case overdueFirm = "overdue_firm"
    case finalNotice = "final_notice"
    case debtSummary = "debt_summary"
    case instalmentDue = "instalment_due"
}
