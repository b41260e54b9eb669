import CarteraCore
import Fluent
import Vapor

/// Everything the customer page shows, built from the services the API uses too.
struct CustomerPageContext: Encodable {
    struct Summary: Encodable {
        let id: UUID
        let name: String
        let taxId: String
        let terms: String
        let currency: String
        let language: String
        let notes: String
        let tags: String
        let doNotContact: Bool
        let assignedTo: String
        let assignedUserId: String
        let escalatedTo: String?
        let escalatedOn: String?
    }
    struct ContactRow: Encodable { let id: UUID; let url: String; let name: String; let role: String; let roleLabel: String; let email: String; let phone: String }
    struct InvoiceRow: Encodable {
        let id: UUID; let url: String; let number: String; let currency: String; let issued: String; let due: String; let total: String
        let balance: String; let days: Int; let bucket: String; let paused: String?
    }
    struct Figure: Encodable { let label: String; let value: String }
    struct Balance: Encodable { let currency: String; let open: String; let credit: String; let net: String; let buckets: [Bucket] }
    struct Bucket: Encodable { let label: String; let amount: String }
    struct Credit: Encodable {
        let limit: String; let exposure: String; let available: String; let onHold: Bool
        let reasons: [String]; let manualReason: String?; let maximumDays: String
    }
    struct PromiseRow: Encodable { let amount: String; let date: String; let status: String; let statusLabel: String }
    struct PlanRow: Encodable {
        let id: UUID; let cancelURL: String; let status: String; let statusLabel: String; let total: String; let started: String; let active: Bool
        let instalments: [InstalmentRow]
    }
    struct InstalmentRow: Encodable { let number: Int; let due: String; let amount: String; let paid: String; let state: String; let stateLabel: String }
    struct DisputeRow: Encodable { let invoiceId: UUID; let invoiceURL: String; let number: String; let reason: String; let opened: String; let amount: String }
    struct TaskRow: Encodable { let id: UUID; let completeURL: String; let title: String; let due: String; let overdue: Bool }
    struct PaymentRow: Encodable { let date: String; let amount: String; let method: String; let reference: String; let unapplied: String }
    struct Option: Encodable { let value: String; let label: String }

    let customer: Summary
    let contacts: [ContactRow]
    let invoices: [InvoiceRow]
    let balances: [Balance]
    let credit: Credit
    let risk: String
    let riskLabel: String
    let riskReason: String
    let riskFigures: [Figure]
    let promises: [PromiseRow]
    let plans: [PlanRow]
    let disputes: [DisputeRow]
    let tasks: [TaskRow]
    let payments: [PaymentRow]
    let timeline: [TimelineEntry]
    let collectors: [Option]
    let outcomes: [Option]
    let contactRoles: [Option]
    let today: String
    let links: CustomerPageLinks
}

extension CustomerPageContext {
    static func build(_ customer: Customer, req: Request, context: ServiceContext) async throws -> CustomerPageContext {
        let language = req.pageLanguage
        let format = context.pageFormat(language: language)
        let customerID = try customer.requireID()
        let db = context.db
        let users = try await UserService.list(organisationID: context.organisationID, on: db)

        let contacts = try await ContactService.list(for: customer, in: context)
        let open = try await Invoice.query(on: db).filter(\.$customer.$id == customerID).owed()
            .sort(\.$dueDate).sort(\.$number).all()
        let holds = try await HoldService.inForce(invoiceIDs: try open.map { try $0.requireID() }, in: context)
        let invoices = try open.map { invoice in
            let due = try invoice.due
            let hold = holds.first { $0.$invoice.id == invoice.id }
            return InvoiceRow(id: try invoice.requireID(), url: AppURL.invoice(try invoice.requireID()), number: invoice.number, currency: invoice.currency, issued: format.date(invoice.issueDate),
                              due: format.date(invoice.dueDate), total: format.money(try invoice.total), balance: format.money(try invoice.balance),
                              days: daysPastDue(dueDate: due, asOf: context.today), bucket: AgingBucket.bucket(dueDate: due, asOf: context.today).rawValue,
                              paused: hold.map { req.text("hold.\($0.reason.rawValue)") })
        }
        let statement = try await StatementService.statement(for: customer, asOf: context.today, in: context)
        let balances = try statement.currencies.map { section in
            let currency = try Currency(code: section.currency)
            func show(_ text: String) -> String { (try? Money(decimalString: text, currency: currency)).map(format.money) ?? text }
            return Balance(currency: section.currency, open: show(section.openBalance), credit: show(section.unappliedCredit), net: show(section.netBalance),
                           buckets: AgingBucket.allCases.map { Bucket(label: req.text("aging.\($0.rawValue)"), amount: show(section.aging[$0.rawValue] ?? "0")) })
        }
        let assessment = try await CreditService.assess(customer, in: context)
        let credit = Credit(
            limit: assessment.standing.limit.map(format.money) ?? req.text("credit.no_limit"), exposure: format.money(assessment.standing.exposure),
            available: assessment.decision.availableCredit.map(format.money) ?? "—", onHold: assessment.decision.onHold,
            reasons: assessment.decision.reasons.map { CreditText.reason($0, req: req, format: format) }, manualReason: customer.creditHoldReason,
            maximumDays: context.organisation.creditHoldDaysOverdue.map(String.init) ?? "—")
        let risk = try await RiskQuery.assessment(organisationID: context.organisationID, customerID: customerID, asOf: context.today, on: db)

        let promises = try await PaymentPromise.query(on: db).filter(\.$customer.$id == customerID).sort(\.$createdAt, .descending).limit(20).all()
        var plans: [PlanRow] = []
        for plan in try await PaymentPlan.query(on: db).filter(\.$customer.$id == customerID).sort(\.$createdAt, .descending).all() {
            let standing = try await PaymentPlanService.standing(of: plan, on: db, asOf: context.today)
            plans.append(PlanRow(
                id: try plan.requireID(), cancelURL: AppURL.planCancel(try plan.requireID()), status: plan.status.rawValue, statusLabel: req.text("plan.status.\(plan.status.rawValue)"),
                total: format.money(plan.totalMinor, plan.currency), started: format.date(plan.startsOn), active: plan.status == .active,
                instalments: standing.map { InstalmentRow(number: $0.instalment.number, due: format.date($0.instalment.dueDate), amount: format.money($0.instalment.amount),
                                                          paid: format.money($0.paid), state: $0.state.rawValue, stateLabel: req.text("plan.instalment.\($0.state.rawValue)")) }))
        }
        let numbers = Dictionary(uniqueKeysWithValues: try open.map { (try $0.requireID(), $0) })
        let disputes = try await Dispute.query(on: db).filter(\.$invoice.$id ~~ Array(numbers.keys)).filter(\.$status == .open).all().map { dispute in
            let invoice = numbers[dispute.$invoice.id]
            return DisputeRow(invoiceId: dispute.$invoice.id, invoiceURL: AppURL.invoice(dispute.$invoice.id), number: invoice?.number ?? "", reason: dispute.reason, opened: format.date(dispute.openedOn),
                              amount: invoice.map { format.money(dispute.amountMinor ?? $0.balanceMinor, $0.currency) } ?? "")
        }
        let tasks = try await CollectionTask.query(on: db).filter(\.$customer.$id == customerID).filter(\.$status == .open).sort(\.$dueOn).all()
        let payments = try await Payment.query(on: db).filter(\.$customer.$id == customerID).sort(\.$receivedOn, .descending).limit(10).all()
        let timeline = try await TimelineQuery(context: context, language: language, localizer: req.application.localizer).entries(for: customer)

        return CustomerPageContext(
            customer: Summary(
                id: customerID, name: customer.legalName, taxId: customer.taxID ?? "", terms: customer.paymentTerms, currency: customer.currency,
                language: customer.language, notes: customer.notes, tags: customer.tags.joined(separator: ", "), doNotContact: customer.doNotContact,
                assignedTo: customer.assignedUserID.flatMap { id in users.first { $0.id == id }?.name } ?? req.text("customer.unassigned"),
                assignedUserId: customer.assignedUserID?.uuidString ?? "", escalatedTo: customer.escalatedTo,
                escalatedOn: customer.escalatedOn.map { format.date($0) }),
            contacts: try contacts.map { ContactRow(id: try $0.requireID(), url: AppURL.customerContact(customerID, contact: try $0.requireID()), name: $0.name, role: $0.role.rawValue, roleLabel: req.text("contact.role.\($0.role.rawValue)"), email: $0.email ?? "", phone: $0.phone ?? "") },
            invoices: invoices, balances: balances, credit: credit, risk: risk.level.rawValue, riskLabel: req.text("risk.\(risk.level.rawValue)"), riskReason: RiskText.reason(risk, req: req),
            riskFigures: RiskText.figures(risk.profile, req: req),
            promises: promises.map { PromiseRow(amount: format.money($0.amountMinor, $0.currency), date: format.date($0.promisedOn), status: $0.status.rawValue,
                                                statusLabel: req.text("promise.status.\($0.status.rawValue)")) },
            plans: plans, disputes: disputes,
            tasks: try tasks.map { TaskRow(id: try $0.requireID(), completeURL: AppURL.taskComplete(try $0.requireID()), title: $0.title, due: format.date($0.dueOn), overdue: $0.dueOn < context.today.iso) },
            payments: payments.map { PaymentRow(date: format.date($0.receivedOn), amount: format.money($0.amountMinor, $0.currency),
                                                method: req.text("payment.method.\($0.method.rawValue)"), reference: $0.reference ?? "",
                                                unapplied: format.money($0.unappliedMinor, $0.currency)) },
            timeline: timeline,
            collectors: try users.filter { $0.role.collects && $0.disabledAt == nil }.map { Option(value: try $0.requireID().uuidString, label: $0.name) },
            outcomes: CallOutcome.allCases.map { Option(value: $0.rawValue, label: req.text("call.outcome.\($0.rawValue)")) },
            contactRoles: ContactRole.allCases.map { Option(value: $0.rawValue, label: req.text("contact.role.\($0.rawValue)")) },
            today: context.today.iso, links: CustomerPageLinks(customerID))
    }
}

/// A credit-check reason in words.
enum CreditText {
    static func reason(_ reason: CreditCheck.Reason, req: Request, format: PageFormat) -> String {
        switch reason {
        case let .manualHold(why): req.text("credit.reason.manual_hold", ["reason": why])
        case .sentToCollection: req.text("credit.reason.sent_to_collection")
        case let .overLimit(exposure, limit): req.text("credit.reason.over_limit", ["exposure": format.money(exposure), "limit": format.money(limit)])
        case let .overdueTooLong(days, maximum): req.text("credit.reason.overdue_too_long", ["days": String(days), "maximum": String(maximum)])
        case let .saleExceedsLimit(available): req.text("credit.reason.sale_exceeds_limit", ["available": format.money(available)])
        }
    }
}
