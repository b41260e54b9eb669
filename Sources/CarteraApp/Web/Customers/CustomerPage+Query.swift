import CarteraCore
import Fluent
import Vapor

/// Everything the customer page shows, as domain values and models: each thing read once.
/// The open invoices are read here and the balances, the credit check and the risk are worked out
/// from them, instead of the statement, the credit service and the risk query reading them again.
struct CustomerPageData {
    /// One currency's balance: aging of the open invoices, credit not yet applied, and the difference.
    struct Balance {
        let aging: AgingReport
        let unapplied: Money
        let net: Money
    }

    struct Plan {
        let plan: PaymentPlan
        let standing: [InstalmentStanding]
    }

    let customer: Customer
    let users: [User]
    let contacts: [Contact]
    /// What each contact said per channel, where someone recorded it.
    let consents: [UUID: [ContactChannel: ContactConsent]]
    /// When and how often the customer may be contacted.
    let contactRules: CustomerContactRules
    /// Owed invoices, oldest due first.
    let open: [Invoice]
    let holds: [DunningHold]
    let balances: [Balance]
    let credit: CreditService.Assessment
    let risk: RiskAssessment
    /// The newest twenty.
    let promises: [PaymentPromise]
    /// The numbers of the invoices each promise covers (those its holds pause), by promise.
    var promiseInvoices: [UUID: [String]] = [:]
    let plans: [Plan]
    /// Open disputes on open invoices.
    let disputes: [Dispute]
    let tasks: [CollectionTask]
    /// The latest ten.
    let payments: [Payment]
    let timeline: [TimelineEntry]
    let today: LocalDate
    /// The organisation's "hold after so many days overdue", if it set one.
    let creditHoldDaysOverdue: Int?
}

extension CustomerPageData {
    static func read(_ customer: Customer, language: String, localizer: Localizer, in context: ServiceContext)
        async throws -> CustomerPageData
    {
        let customerID = try customer.requireID()
        let db = context.db
        let users = try await UserService.list(organisationID: context.organisationID, on: db)
        let contacts = try await ContactService.list(for: customer, in: context)
        let consents = try await ContactConsents.states(of: contacts.compactMap(\.id), on: db)
        let open = try await Invoice.query(on: db).filter(\.$customer.$id == customerID).owed()
            .sort(\.$dueDate).sort(\.$number).all()
        let openIDs = try open.map { try $0.requireID() }
        let holds = try await HoldService.inForce(invoiceIDs: openIDs, in: context)
        // Unapplied credit and charged fees per currency, read as the statement reads them.
        let credit = try await StatementLines.creditAndFees(
            customerID: customerID, organisationID: context.organisationID, on: db)
        let unapplied = credit.compactMapValues { $0.credit == 0 ? nil : $0.credit }
        let fees = credit.compactMapValues { $0.fees == 0 ? nil : $0.fees }
        let promises = try await PaymentPromise.query(on: db).filter(\.$customer.$id == customerID).sort(
            \.$createdAt, .descending
        ).all()
        let promiseInvoices = try await promisedInvoiceNumbers(Array(promises.prefix(20)), on: db)
        var plans: [Plan] = []
        for plan in try await PaymentPlan.query(on: db).filter(\.$customer.$id == customerID).sort(
            \.$createdAt, .descending
        ).all() {
            plans.append(
                Plan(plan: plan, standing: try await PaymentPlanService.standing(of: plan, on: db, asOf: context.today))
            )
        }
        let disputes = try await Dispute.query(on: db).filter(\.$invoice.$id ~~ openIDs).filter(\.$status == .open)
            .all()
        let risk = try await CustomerSummaries.risk(of: customerID, in: context)
        let tasks = try await CollectionTask.query(on: db).filter(\.$customer.$id == customerID).filter(
            \.$status == .open
        ).sort(\.$dueOn).all()
        let payments = try await Payment.query(on: db).filter(\.$customer.$id == customerID).sort(
            \.$receivedOn, .descending
        ).limit(10).all()
        let timeline = try await TimelineQuery(context: context, language: language, localizer: localizer).entries(
            for: customer)
        return CustomerPageData(
            customer: customer, users: users, contacts: contacts, consents: consents,
            contactRules: CustomerContactRules(
                customer: customer, organisation: context.organisation, around: context.today),
            open: open, holds: holds,
            balances: try balances(open: open, unapplied: unapplied, fees: fees, asOf: context.today),
            credit: try CreditService.assess(
                customer, open: open, organisation: context.organisation, today: context.today),
            risk: risk, promises: Array(promises.prefix(20)), promiseInvoices: promiseInvoices, plans: plans,
            disputes: disputes, tasks: tasks,
            payments: payments, timeline: timeline,
            today: context.today, creditHoldDaysOverdue: context.organisation.creditHoldDaysOverdue)
    }

    /// Promise -> the numbers of the invoices it covers, paid ones too, by due date: two reads for all.
    static func promisedInvoiceNumbers(_ promises: [PaymentPromise], on db: any Database) async throws -> [UUID:
        [String]]
    {
        let holds = try await DunningHold.query(on: db).filter(\.$sourceID ~~ promises.compactMap(\.id))
            .filter(\.$reason == .promise).all()
        let invoices = try await Invoice.query(on: db).filter(\.$id ~~ Set(holds.map(\.$invoice.id)))
            .sort(\.$dueDate).sort(\.$number).all()
        return Dictionary(grouping: holds, by: \.sourceID).mapValues { holds in
            let covered = Set(holds.map(\.$invoice.id))
            return invoices.filter { $0.id.map(covered.contains) ?? false }.map(\.number)
        }
    }

    /// A section per currency owed, credited or charged a late fee in, as the statement has them.
    static func balances(open: [Invoice], unapplied: [String: Int64], fees: [String: Int64], asOf: LocalDate) throws
        -> [Balance]
    {
        let currencies = Set(open.map(\.currency)).union(unapplied.keys).union(fees.keys).sorted()
        return try currencies.map { code in
            let currency = try Currency(code: code)
            var aging = AgingReport(asOf: asOf, currency: currency)
            for invoice in open where invoice.currency == code {
                try aging.add(balance: try invoice.balance, dueDate: try invoice.due)
            }
            let credit = Money(minorUnits: unapplied[code] ?? 0, currency: currency)
            return Balance(aging: aging, unapplied: credit, net: try aging.total.subtracting(credit))
        }
    }
}
