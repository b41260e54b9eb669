import CarteraCore
import Vapor

struct InvoiceDTO: Content {
    struct Line: Content {
        let description: String
        let quantity: String
        let unitPrice: String
        let amount: String
    }

    struct Discount: Content {
        let deadline: String
        let amountDue: String
    }

    let id: UUID
    let customerId: UUID
    let number: String
    let status: String
    let issueDate: String
    let dueDate: String
    let paymentTerms: String
    let currency: String
    let total: String
    let settled: String
    let balance: String
    /// Only for invoices still owed: days past due and aging bucket as of today in the organisation's zone.
    let daysPastDue: Int?
    let agingBucket: String?
    let earlyPaymentDiscount: Discount?
    let externalReference: String?
    let notes: String
    let lines: [Line]
    let createdAt: Date?
    let updatedAt: Date?

    init(_ invoice: Invoice, lines: [InvoiceLine], today: LocalDate) throws {
        let currency = try invoice.currencyValue
        func money(_ minor: Int64) -> String { Money(minorUnits: minor, currency: currency).decimalString }
        id = try invoice.requireID()
        customerId = invoice.$customer.id
        number = invoice.number
        status = invoice.status.rawValue
        issueDate = invoice.issueDate
        dueDate = invoice.dueDate
        paymentTerms = invoice.paymentTerms
        self.currency = invoice.currency
        total = money(invoice.totalMinor)
        settled = money(invoice.settledMinor)
        balance = money(invoice.balanceMinor)
        let owed = invoice.status.isOwed
        daysPastDue = owed ? CarteraCore.daysPastDue(dueDate: try invoice.due, asOf: today) : nil
        agingBucket = owed ? AgingBucket.bucket(dueDate: try invoice.due, asOf: today).rawValue : nil
        let terms = try? PaymentTerms(code: invoice.paymentTerms)
        if owed, invoice.settledMinor == 0, let terms,
            let deadline = try? terms.discountDeadline(issuedOn: try invoice.issued),
            deadline >= today, let discounted = terms.discountedTotal(try invoice.total)
        {
            earlyPaymentDiscount = Discount(deadline: deadline.iso, amountDue: discounted.decimalString)
        } else {
            earlyPaymentDiscount = nil
        }
        externalReference = invoice.externalReference
        notes = invoice.notes
        self.lines = lines.sorted { $0.position < $1.position }.map {
            Line(
                description: $0.description, quantity: Quantity(milli: $0.quantityMilli).description,
                unitPrice: money($0.unitPriceMinor), amount: money($0.amountMinor))
        }
        createdAt = invoice.createdAt
        updatedAt = invoice.updatedAt
    }
}

struct VoidInput: Content {
    var reason: String?
}
