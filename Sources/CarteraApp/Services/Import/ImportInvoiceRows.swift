import CarteraCore
import Foundation

/// How an imported invoice becomes rows: the invoice with its stored amounts and status, and, when
/// the file says part or all of it was paid before, an opening payment and its allocation, so that
/// balance = total − allocations holds as for any other invoice.
enum ImportInvoiceRows {
    static let invoiceColumns = [
        "id", "organisation_id", "customer_id", "number", "issue_date", "due_date", "payment_terms", "currency",
        "total_minor", "settled_minor", "balance_minor", "status", "external_reference", "notes", "created_at",
        "updated_at",
    ]
    static let paymentColumns = [
        "id", "organisation_id", "customer_id", "received_on", "currency", "amount_minor", "allocated_minor",
        "method", "reference", "notes", "created_at", "updated_at",
    ]
    static let allocationColumns = [
        "id", "organisation_id", "invoice_id", "kind", "payment_id", "amount_minor", "applied_on", "created_at",
    ]

    /// "net<N>" from the days between issue and due date (files rarely state terms per invoice).
    static func terms(issued: LocalDate, due: LocalDate) -> String {
        "net\(min(max(issued.days(until: due), 0), 365))"
    }

    static func status(total: Int64, balance: Int64) -> InvoiceStatus {
        balance == total ? .open : balance == 0 ? .paid : .partiallyPaid
    }

    /// The day the settled part is dated: the file does not say, so the due date (paid on time),
    /// never after today. Inventing lateness would teach risk and the payment-date model that
    /// every imported customer pays late; a payments file gives the real dates.
    static func openingSettlementDate(_ invoice: ImportedInvoice, today: LocalDate) -> LocalDate {
        min(invoice.dueDate, today)
    }

    /// The note on an opening payment, in the organisation's language.
    static func openingNote(language: SupportedLocale.Language) -> String {
        switch language {
        case .es: "Saldo inicial importado"
        case .en: "Imported opening balance"
        }
    }

    struct Row {
        let invoiceID: UUID
        let invoice: [SQLValue]
        let payment: [SQLValue]?
        let allocation: [SQLValue]?
    }

    static func row(
        _ invoice: ImportedInvoice, customerID: UUID, organisationID: UUID, today: LocalDate, note: String, now: Date
    ) -> Row {
        let id = UUID.random()
        let total = invoice.total.minorUnits
        let balance = invoice.openBalance.minorUnits
        let settled = total - balance
        let currency = invoice.total.currency.code
        let values: [SQLValue] = [
            .uuid(id), .uuid(organisationID), .uuid(customerID), .text(invoice.number), .text(invoice.issueDate.iso),
            .text(invoice.dueDate.iso),
            .text(terms(issued: invoice.issueDate, due: invoice.dueDate)), .text(currency), .integer(total),
            .integer(settled), .integer(balance),
            .text(status(total: total, balance: balance).rawValue), .text(invoice.reference), .text(""), .date(now),
            .date(now),
        ]
        guard settled > 0 else { return Row(invoiceID: id, invoice: values, payment: nil, allocation: nil) }
        let paymentID = UUID.random()
        let date = openingSettlementDate(invoice, today: today).iso
        return Row(
            invoiceID: id, invoice: values,
            payment: [
                .uuid(paymentID), .uuid(organisationID), .uuid(customerID), .text(date), .text(currency),
                .integer(settled), .integer(settled),
                .text(PaymentMethod.other.rawValue), .text(invoice.number), .text(note), .date(now), .date(now),
            ],
            allocation: [
                .uuid(UUID.random()), .uuid(organisationID), .uuid(id), .text(InvoiceSettlement.Kind.payment.rawValue),
                .uuid(paymentID),
                .integer(settled), .text(date), .date(now),
            ])
    }
}
