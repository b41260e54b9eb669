import CarteraCore
import Fluent
import Foundation

/// Fills an empty organisation with a realistic Spanish-language company: ~50 customers with
/// distinct payment habits and ~1,000 invoices in COP and USD spread over every aging bucket,
/// with full and partial payments and a few credit notes. Everything goes through the same
/// services as the API, so balances and the audit trail are as real as the rest.
struct DemoLoader {
    struct Summary: Sendable {
        var customers = 0, invoices = 0, payments = 0, creditNotes = 0
    }

    /// How a customer pays: days after the due date, or never.
    enum Habit: CaseIterable {
        case punctual, occasionallyLate, chronicallyLate, defaulting
    }

    var rng: SeededGenerator
    let context: ServiceContext
    var customerCount = 50

    /// "Lácteos Nueva Granada", "Ferretería El Progreso", …: every customer's name is its own (a
    /// collector must tell them apart), the first ones fixed so guides and tests can name them.
    let uniqueNames: [String]

    init(seed: UInt64, context: ServiceContext) {
        rng = SeededGenerator(seed: seed)
        self.context = context
        let combinations = DemoNames.businessKinds.flatMap { kind in DemoNames.businessNames.map { "\(kind) \($0)" } }
        uniqueNames =
            DemoNames.fixedCustomers
            + combinations.filter { !DemoNames.fixedCustomers.contains($0) }
            .shuffled(using: &rng)
    }

    mutating func load() async throws -> Summary {
        var summary = Summary()
        var invoiceSequence = 10_001
        let today = context.today
        try await DemoAddresses.letterhead(in: context)
        for index in 0..<customerCount {
            let foreign = index >= customerCount - DemoNames.foreignCustomers.count
            let customer = try await CustomerService.create(
                DemoAddresses.addressed(customerInput(index: index, foreign: foreign), index: index, foreign: foreign),
                in: context)
            try await addContacts(to: customer, foreign: foreign)
            summary.customers += 1
            let habit = pickHabit()
            var payments: [(date: LocalDate, input: PaymentInput)] = []
            for _ in 0..<Int.random(in: 12...28, using: &rng) {
                let invoice = try await InvoiceService.create(
                    invoiceInput(for: customer, number: "FE-\(invoiceSequence)", today: today), in: context)
                invoiceSequence += 1
                summary.invoices += 1
                var owed = try invoice.total
                if Int.random(in: 0..<50, using: &rng) == 0 {
                    owed = try owed.subtracting(try await addCreditNote(to: invoice, number: "NC-\(invoiceSequence)"))
                    summary.creditNotes += 1
                }
                if let payment = try paymentPlan(for: invoice, owed: owed, habit: habit, today: today) {
                    payments.append(payment)
                }
            }
            for payment in payments.sorted(by: { $0.date < $1.date }) {
                _ = try await PaymentService.record(payment.input, in: context)
                summary.payments += 1
            }
        }
        return summary
    }

    private mutating func pickHabit() -> Habit {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<40: .punctual
        case 40..<75: .occasionallyLate
        case 75..<93: .chronicallyLate
        default: .defaulting
        }
    }

    private mutating func customerInput(index: Int, foreign: Bool) -> CustomerInput {
        let terms = ["net30", "net30", "net30", "net30", "net15", "net60", "2/10 net30", "eom30", "net45"]
        if foreign {
            let name = DemoNames.foreignCustomers[index % DemoNames.foreignCustomers.count]
            return CustomerInput(
                legalName: name, taxId: "US-\(Int.random(in: 10_000_000...99_999_999, using: &rng))",
                taxIdKind: "other",
                paymentTerms: "net45",
                currency: "USD", creditLimit: "\(Int.random(in: 2...10, using: &rng) * 10_000).00",
                language: "en", notes: "Export customer, invoiced in USD.", tags: ["export"])
        }
        let name = "\(uniqueNames[index % uniqueNames.count]) \(DemoNames.legalSuffixes.randomElement(using: &rng)!)"
        let nit = Int.random(in: 800_000_000...901_999_999, using: &rng)
        return CustomerInput(
            legalName: name, taxId: String(nit), paymentTerms: terms.randomElement(using: &rng)!,
            currency: "COP", creditLimit: "\(Int.random(in: 2...20, using: &rng) * 10_000_000).00",
            language: "es", notes: "", tags: [["mayorista", "minorista", "institucional"].randomElement(using: &rng)!])
    }

    private mutating func addContacts(to customer: Customer, foreign: Bool) async throws {
        let first = foreign ? DemoNames.englishFirstNames : DemoNames.firstNames
        let last = foreign ? DemoNames.englishLastNames : DemoNames.lastNames
        let domain =
            customer.legalName.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .filter { $0.isLetter }.prefix(18) + (foreign ? ".com" : ".com.co")
        let roles: [(ContactRole, String)] =
            [(.billing, foreign ? "accounts.payable" : "tesoreria"), (.primary, foreign ? "purchasing" : "compras")]
            + (Bool.random(using: &rng) ? [(.alternate, foreign ? "finance" : "contabilidad")] : [])
        for (role, mailbox) in roles {
            let name = "\(first.randomElement(using: &rng)!) \(last.randomElement(using: &rng)!)"
            let phone =
                foreign
                ? "+1 305 555 \(Int.random(in: 1000...9999, using: &rng))"
                : "+57 3\(Int.random(in: 10...25, using: &rng)) \(Int.random(in: 100...999, using: &rng)) \(Int.random(in: 1000...9999, using: &rng))"
            _ = try await ContactService.create(
                for: customer,
                ContactInput(name: name, role: role.rawValue, email: "\(mailbox)@\(domain)", phone: phone), in: context)
        }
    }

    private mutating func invoiceInput(for customer: Customer, number: String, today: LocalDate) -> InvoiceInput {
        let issued = today.addingClamped(days: -Int.random(in: 0...240, using: &rng))
        let lines = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            let unitPrice =
                customer.currency == "USD"
                ? "\(Int.random(in: 50...2_500, using: &rng)).\(["00", "50", "99"].randomElement(using: &rng)!)"
                : "\(Int.random(in: 5...600, using: &rng) * 5_000).00"
            return InvoiceLineInput(
                description: DemoNames.products.randomElement(using: &rng)!,
                quantity: "\(Int.random(in: 1...12, using: &rng))", unitPrice: unitPrice)
        }
        return InvoiceInput(customerId: customer.id, number: number, issueDate: issued.iso, lines: lines)
    }

    /// When and how much this customer pays for this invoice, if that day has already come.
    private mutating func paymentPlan(for invoice: Invoice, owed total: Money, habit: Habit, today: LocalDate) throws
        -> (date: LocalDate, input: PaymentInput)?
    {
        let delay: Int
        switch habit {
        case .punctual: delay = Int.random(in: -8...2, using: &rng)
        case .occasionallyLate:
            delay =
                Int.random(in: 0..<4, using: &rng) == 0
                ? Int.random(in: 15...50, using: &rng) : Int.random(in: -3...8, using: &rng)
        case .chronicallyLate: delay = Int.random(in: 20...110, using: &rng)
        case .defaulting: return nil
        }
        let paidOn = max(try invoice.issued, try invoice.due.addingClamped(days: delay))
        guard paidOn <= today else { return nil }
        // One payment in eight is partial: the customer pays what it can and the rest stays open.
        let amount =
            Int.random(in: 0..<8, using: &rng) == 0
            ? total.allocate(weights: [Int64(Int.random(in: 3...7, using: &rng)), 10])[0] : total
        let methods: [PaymentMethod] = [.transfer, .transfer, .transfer, .online, .check, .card, .cash]
        let reference = "TRX\(Int.random(in: 100_000_000...999_999_999, using: &rng))"
        let input = PaymentInput(
            customerId: invoice.$customer.id, receivedOn: paidOn.iso, amount: amount.decimalString,
            currency: invoice.currency,
            method: methods.randomElement(using: &rng)!.rawValue, reference: reference,
            notes: "Pago factura \(invoice.number)",
            allocations: [AllocationInput(invoiceId: invoice.id, amount: amount.decimalString)])
        return (paidOn, input)
    }

    /// Credits part of the invoice and returns the amount credited.
    private mutating func addCreditNote(to invoice: Invoice, number: String) async throws -> Money {
        let amount = try invoice.total.allocate(weights: [1, Int64(Int.random(in: 4...9, using: &rng))])[0]
        _ = try await CreditNoteService.create(
            CreditNoteInput(
                customerId: invoice.$customer.id, number: number, issuedOn: invoice.issueDate,
                amount: amount.decimalString, currency: invoice.currency,
                reason: DemoNames.creditReasons.randomElement(using: &rng)!, invoiceId: invoice.id), in: context)
        return amount
    }
}
