import CarteraCore
import Fluent
import Vapor

/// The customer portal: `/portal/<link>` shows one customer's statement and lets them promise a
/// payment date, dispute an invoice, ask for a payment plan and download their statement. Each
/// action lands on the customer's timeline and becomes a task for the collector.
struct PortalPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let portal = routes.grouped("portal", ":token")
        portal.get(use: show)
        portal.get("invoices", ":invoiceID", use: invoice)
        portal.get("statement.csv", use: statementCSV)
        portal.post("promise", use: promise)
        portal.post("dispute", use: dispute)
        portal.post("plan-request", use: planRequest)
        portal.post("pay", ":invoiceID", use: pay)
    }

    func show(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let page = try await PortalContext.build(access, req: req, context: context)
        return try await req.render("portal/show", title: "portal.title", section: "portal", page)
    }

    func invoice(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        // Only this customer's invoices exist here: another customer's id is simply not found.
        guard let invoice = try await Invoice.query(on: context.db).filter(\.$id == (try req.uuidParameter("invoiceID", entity: "invoice")))
            .filter(\.$customer.$id == access.customer.requireID()).filter(\.$status != .draft).first()
        else { throw APIError.notFound("invoice") }
        let page = try await PortalContext.build(access, req: req, context: context, only: try invoice.requireID())
        return try await req.render("portal/show", title: "portal.title", section: "portal", page)
    }

    func statementCSV(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let page = try await PortalContext.build(access, req: req, context: context)
        let rows = [[req.text("invoice.number"), req.text("invoice.issued"), req.text("invoice.due"), req.text("invoice.total"),
                     req.text("invoice.balance"), req.text("invoice.days_overdue"), req.text("portal.payment_reference")]]
            + page.invoices.map { [$0.number, $0.issued, $0.due, $0.total, $0.balance, String($0.days), $0.paymentReference] }
            + page.lateFees.map { [$0.description, $0.charged, "", $0.amount, $0.amount, "", $0.invoiceNumber] }
        let response = Response(status: .ok, body: .init(string: CSVWriter().document(rows, byteOrderMark: false)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "estado-de-cuenta-\(context.today.iso).csv")
        return response
    }

    struct PromiseForm: Content { var amount: String?; var promisedOn: String?; var note: String? }

    func promise(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let form = try req.content.decode(PromiseForm.self)
        try await context.transaction { tx in
            _ = try await PromiseService.create(for: access.customer, PromiseInput(promisedOn: form.promisedOn, amount: form.amount, currency: nil, note: form.note, invoiceIds: nil), in: tx)
            try await notifyCollector(access.customer, "task.portal_promise.title", ["date": form.promisedOn ?? ""], in: tx)
        }
        return done(req, "portal.flash.promise")
    }

    struct DisputeForm: Content { var invoiceId: UUID?; var reason: String? }

    func dispute(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let form = try req.content.decode(DisputeForm.self)
        guard let invoice = try await Invoice.query(on: context.db).filter(\.$id == (try FieldParser.required(form.invoiceId, "invoice_id")))
            .filter(\.$customer.$id == access.customer.requireID()).first() else { throw APIError.notFound("invoice") }
        try await context.transaction { tx in
            _ = try await DisputeService.open(on: invoice, DisputeInput(reason: form.reason, amount: nil), in: tx)
            try await notifyCollector(access.customer, "task.portal_dispute.title", ["number": invoice.number], in: tx)
        }
        return done(req, "portal.flash.dispute")
    }

    struct PlanRequestForm: Content { var instalments: Int?; var note: String? }

    /// A request, not a plan: the collector agrees the terms and creates it.
    func planRequest(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let form = try req.content.decode(PlanRequestForm.self)
        guard let instalments = form.instalments, (2...36).contains(instalments) else {
            throw APIError.invalid("instalments", "Ask for between 2 and 36 instalments")
        }
        let language = String(context.organisation.locale.prefix(2))
        let text = (context.messaging.localizer.text("portal.plan_request_note", language: language, arguments: ["count": String(instalments)]) ?? "")
            + ((try FieldParser.optionalText(form.note, "note", maxLength: 2_000)).map { "\n\($0)" } ?? "")
        try await context.transaction { tx in
            _ = try await CallService.addNote(for: access.customer, text: text, in: tx)
            try await notifyCollector(access.customer, "task.portal_plan_request.title", ["count": String(instalments)], in: tx)
        }
        return done(req, "portal.flash.plan_request")
    }

    /// "Pay online": a Stripe Checkout page for what the invoice still owes.
    func pay(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        guard let stripe = req.application.stripe else { throw APIError(.notFound, code: "payments_not_configured", message: "Online payments are not configured") }
        guard let invoice = try await Invoice.query(on: context.db).filter(\.$id == (try req.uuidParameter("invoiceID", entity: "invoice")))
            .filter(\.$customer.$id == access.customer.requireID()).filter(\.$status ~~ [.open, .partiallyPaid]).first()
        else { throw APIError.notFound("invoice") }
        let back = "\(context.publicURL)/portal/\(req.parameters.get("token") ?? "")"
        let session = try await stripe.createCheckout(invoice: invoice, customerName: access.customer.legalName,
                                                      successURL: back + "?paid=1", cancelURL: back, client: req.client)
        return req.redirect(to: session.url)
    }

    /// The link's customer and a context acting as the portal; anything else is the same 404.
    private func open(_ req: Request) async throws -> (PortalLinks.Access, ServiceContext) {
        guard let secret = req.parameters.get("token"),
              let access = try await PortalLinks.open(secret: secret, now: req.application.clock.now(), on: req.db)
        else { throw APIError(.notFound, code: "portal_link_invalid", message: "This link is not valid or has expired. Ask us for a new one.") }
        if req.hasSession == false || req.session.language == nil { req.session.language = access.customer.language }
        let actor = Actor(organisationID: access.organisation.id!, name: "portal:\(access.customer.legalName)")
        return (access, try await ServiceContext.make(db: req.db, actor: actor, app: req.application))
    }

    private func notifyCollector(_ customer: Customer, _ titleKey: String, _ arguments: [String: String], in context: ServiceContext) async throws {
        try await TaskService.create(.followUp, for: customer, titleKey: titleKey, arguments: arguments, due: context.today, in: context)
    }

    private func done(_ req: Request, _ key: String) -> Response {
        req.session.flash(req.text(key))
        return req.redirect(to: "/portal/\(req.parameters.get("token") ?? "")")
    }
}
