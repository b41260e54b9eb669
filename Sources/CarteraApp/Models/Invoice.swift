import CarteraCore
import Fluent
import Foundation

/// An invoice. `settledMinor`, `balanceMinor` and `status` are derived from its allocations by
/// `InvoiceBalances.recalculate` in the same transaction that changes them; they are stored
/// only so that lists, aging and dunning can filter in SQL.
public final class Invoice: Model, @unchecked Sendable {
    public static let schema = "invoices"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "number") public var number: String
    /// Calendar dates stored as ISO "YYYY-MM-DD" text: portable, and ordered correctly as strings.
    @Field(key: "issue_date") public var issueDate: String
    @Field(key: "due_date") public var dueDate: String
    @Field(key: "payment_terms") public var paymentTerms: String
    @Field(key: "currency") public var currency: String
    @Field(key: "total_minor") public var totalMinor: Int64
    @Field(key: "settled_minor") public var settledMinor: Int64
    @Field(key: "balance_minor") public var balanceMinor: Int64
    @Field(key: "status") public var status: InvoiceStatus
    @OptionalField(key: "external_reference") public var externalReference: String?
    @Field(key: "notes") public var notes: String
    /// The new-invoice message that told the customer of it: one per customer and send window,
    /// naming every invoice issued meanwhile (`EventReminders.invoiceIssued`).
    @OptionalField(key: "announced_in_message_id") public var announcedInMessageID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    @Children(for: \.$invoice) public var lines: [InvoiceLine]

    public init() {}
}

extension Invoice {
    var currencyValue: Currency { get throws { try Currency(code: currency) } }
    var total: Money { get throws { Money(minorUnits: totalMinor, currency: try currencyValue) } }
    var balance: Money { get throws { Money(minorUnits: balanceMinor, currency: try currencyValue) } }
    var due: LocalDate { get throws { try LocalDate(iso: dueDate) } }
    var issued: LocalDate { get throws { try LocalDate(iso: issueDate) } }
}
