import Foundation

/// An open invoice as the matcher sees it: only what a bank line can point at.
public struct MatchableInvoice: Sendable, Hashable {
    public let id: UUID
    public let customerID: UUID
    /// The printed number ("FE-1001"), matched in remittance text as whole tokens.
    public let number: String
    /// The reference we asked the customer to quote, when the invoice has its own.
    public let paymentReference: String?
    /// What is still owed; invoices with a balance of zero or less are ignored.
    public let balance: Money
    public let dueDate: LocalDate

    public init(
        id: UUID, customerID: UUID, number: String, paymentReference: String?, balance: Money, dueDate: LocalDate
    ) {
        self.id = id
        self.customerID = customerID
        self.number = number
        self.paymentReference = paymentReference
        self.balance = balance
        self.dueDate = dueDate
    }
}

/// A customer and everything a bank line may reveal about who paid.
public struct MatchableCustomer: Sendable, Hashable {
    public let id: UUID
    public let name: String
    /// NIT, RUT, RFC…: compared on digits only (or letters and digits when it has letters).
    public let taxID: String?
    /// IBANs or local account numbers the customer pays from.
    public let bankAccounts: [String]
    /// A reference that names the customer rather than one invoice (e.g. a collection code).
    public let paymentReference: String?

    public init(id: UUID, name: String, taxID: String?, bankAccounts: [String], paymentReference: String?) {
        self.id = id
        self.name = name
        self.taxID = taxID
        self.bankAccounts = bankAccounts
        self.paymentReference = paymentReference
    }
}

/// Which rule produced a match. Stable raw values: the app stores them and localises from them.
public enum MatchRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// An invoice's number or payment reference appears in the line.
    case reference
    /// A customer's payment reference appears: money goes to that customer's invoices oldest first.
    case customerReference
    /// One open invoice of the customer has exactly this balance.
    case exactAmount
    /// Several open invoices of the customer add up exactly to the amount.
    case combination
    /// The customer is known but no amount fits: allocated oldest first, to be reviewed.
    case customerOnly
    /// Nothing identifies the payment: it goes to the review queue.
    case none
    /// A debit or a zero line: nothing to match.
    case notACredit
}

/// One invoice and how much of the payment goes to it. The same type manual payments use, so a
/// proposed match can be validated and posted with `PaymentAllocator.allocateExplicitly`.
public typealias MatchAllocation = PaymentAllocator.Allocation

/// The matcher's proposal for one bank line. Allocations plus `unallocated` always add up to the
/// line amount for credits; for `.notACredit` there are no allocations and `unallocated` is the amount.
public struct PaymentMatch: Sendable, Equatable {
    public let rule: MatchRule
    /// 0–100: how sure the matcher is. The app auto-posts above its own threshold, reviews below.
    public let confidence: Int
    public let customerID: UUID?
    public let allocations: [MatchAllocation]
    public let unallocated: Money
    /// Short English reason for logs and tests; users see a text localised from `rule`.
    public let explanation: String

    public init(
        rule: MatchRule, confidence: Int, customerID: UUID?, allocations: [MatchAllocation], unallocated: Money,
        explanation: String
    ) {
        self.rule = rule
        self.confidence = confidence
        self.customerID = customerID
        self.allocations = allocations
        self.unallocated = unallocated
        self.explanation = explanation
    }

    /// Whether the matcher thinks a person should look at it (see `PaymentMatcher.Confidence.reviewBelow`).
    public var needsReview: Bool { confidence < PaymentMatcher.Confidence.reviewBelow }
}
