import CarteraCore
import Fluent
import Vapor

/// What the customer sees on the portal: their open invoices with the reference to quote when
/// paying, the early-payment discount while it lasts, totals, and how to pay.
struct PortalContext: Encodable {
    struct InvoiceRow: Encodable {
        let id: UUID
        let url: String
        let payURL: String
        let number: String
        let issued: String
        let due: String
        let total: String
        let balance: String
        let days: Int
        let paymentReference: String
        let discount: String?
        let inDispute: Bool
        /// "En disputa", "Con promesa de pago hasta el 12 dic 2026", "En plan de pagos": as messages say it.
        let holdNote: String?
    }
    struct Total: Encodable {
        let currency: String
        let amount: String
    }
    struct PromiseRow: Encodable {
        let amount: String
        let date: String
        let status: String
    }
    struct Links: Encodable {
        let allInvoices: String, statementCSV: String, promise: String, dispute: String, planRequest: String
        /// In the portal's footer: how the customer's contacts may be reached.
        let preferences: String
        init(_ token: String) {
            (allInvoices, statementCSV) = (AppURL.portal(token), AppURL.portalStatementCSV(token))
            preferences = AppURL.portalPreferences(token)
            (promise, dispute, planRequest) = (
                AppURL.portalPromise(token), AppURL.portalDispute(token), AppURL.portalPlanRequest(token)
            )
        }
    }

    let token: String
    let organisation: String
    let customer: String
    let today: String
    let todayISO: String
    let invoices: [InvoiceRow]
    let totals: [Total]
    let paymentInstructions: String
    /// The organisation's accounts to pay into, in words ("Cuenta de ahorros").
    let bankAccounts: [BankAccountRow]
    let promises: [PromiseRow]
    let single: Bool
    /// A "pay online" button per invoice when a payment provider is configured.
    let onlinePayments: Bool
    /// Late-payment charges still owed (waived ones are not shown to the customer).
    let lateFees: [LateFeeRow]
    let lateFeesOwed: String?
    let links: Links
    /// The forms' choices and, after a refusal, their messages and typed values (`PortalPages`).
    var forms: PortalForms?

    static func build(_ access: PortalLinks.Access, req: Request, context: ServiceContext, only invoiceID: UUID? = nil)
        async throws -> PortalContext
    {
        let format = context.pageFormat(language: req.pageLanguage)
        let customerID = try access.customer.requireID()
        var query = Invoice.query(on: context.db).filter(\.$customer.$id == customerID)
        if let invoiceID { query = query.filter(\.$id == invoiceID) } else { query = query.owed() }
        let invoices = try await query.sort(\.$dueDate).sort(\.$number).all()
        let disputed = Set(
            try await Dispute.query(on: context.db).filter(\.$invoice.$id ~~ invoices.map { try $0.requireID() })
                .filter(\.$status == .open).all().map(\.$invoice.id))
        let holds = try await HoldNote.inForce(on: invoices, in: context)
        let token = req.parameters.get("token") ?? ""
        let rows = try invoices.map { invoice -> InvoiceRow in
            var discount: String?
            if let terms = try? PaymentTerms(code: invoice.paymentTerms),
                let deadline = try? terms.discountDeadline(issuedOn: try invoice.issued),
                let amountDue = terms.discountedTotal(try invoice.total), deadline >= context.today,
                invoice.settledMinor == 0
            {
                discount = req.text(
                    "portal.discount", ["amount": format.money(amountDue), "date": format.date(deadline)])
            }
            return InvoiceRow(
                id: try invoice.requireID(), url: AppURL.portalInvoice(token, invoice: try invoice.requireID()),
                payURL: AppURL.portalPay(token, invoice: try invoice.requireID()), number: invoice.number,
                issued: format.date(invoice.issueDate), due: format.date(invoice.dueDate),
                total: format.money(try invoice.total), balance: format.money(try invoice.balance),
                days: daysPastDue(dueDate: try invoice.due, asOf: context.today), paymentReference: invoice.number,
                discount: discount, inDispute: disputed.contains(try invoice.requireID()),
                holdNote: format.holdNote(invoice.id.flatMap { holds[$0] } ?? []))
        }
        let totals = try Dictionary(grouping: invoices, by: \.currency).keys.sorted().map { code in
            Total(
                currency: code,
                amount: format.money(
                    Money(
                        minorUnits: try invoices.filter { $0.currency == code }.checkedSum(\.balanceMinor),
                        currency: try Currency(code: code))))
        }
        var fees = try await LateFeeService.fees(
            customerID: customerID, status: .charged, on: context.db, organisationID: context.organisationID)
        if let invoiceID { fees = fees.filter { $0.$invoice.id == invoiceID } }
        let numbers = try await Invoice.query(on: context.db).filter(\.$id ~~ Set(fees.map(\.$invoice.id))).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.number }
        let promises = try await PaymentPromise.query(on: context.db).filter(\.$customer.$id == customerID).filter(
            \.$status == .active
        ).all()
        return PortalContext(
            token: token, organisation: access.organisation.name, customer: access.customer.legalName,
            today: format.date(context.today), todayISO: context.today.iso, invoices: rows, totals: totals,
            paymentInstructions: access.organisation.paymentInstructions,
            bankAccounts: access.organisation.bankAccountList.map { BankAccountRow($0, format: format) },
            promises: promises.map {
                .init(
                    amount: format.money($0.amountMinor, $0.currency), date: format.date($0.promisedOn),
                    status: $0.status.rawValue)
            },
            single: invoiceID != nil, onlinePayments: req.application.stripe != nil,
            lateFees: try fees.map {
                try LateFeeRow($0, invoiceNumber: numbers[$0.$invoice.id] ?? "", format: format, req: req)
            },
            lateFeesOwed: LateFeeRow.outstanding(fees, format: format), links: Links(token))
    }
}

/// One account on the portal's "how to pay".
struct BankAccountRow: Encodable {
    let bank: String
    let type: String
    let number: String
    let holder: String
    let taxId: String

    init(_ account: BankAccount, format: PageFormat) {
        bank = account.bank
        type = format.text("bank_account_type.\(account.accountType.rawValue)")
        number = account.number
        holder = account.holder
        taxId = account.taxId ?? ""
    }
}
