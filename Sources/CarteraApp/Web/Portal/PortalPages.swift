import CarteraCore
import Fluent
import Vapor

/// The customer portal: `/portal/<link>` shows one customer's statement and lets them promise a
/// payment date, dispute an invoice, ask for a payment plan and download their statement. Each
/// action lands on the customer's timeline and becomes a task for the collector.
struct PortalPages {
    func show(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        return try await page(req, access, context)
    }

    func invoice(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        // Only this customer's invoices exist here: another customer's id is simply not found.
        guard
            let invoice = try await Invoice.query(on: context.db).filter(
                \.$id == (try req.uuidParameter("invoiceID", entity: "invoice"))
            )
            .filter(\.$customer.$id == access.customer.requireID()).filter(\.$status != .draft).first()
        else { throw ServiceError.notFound("invoice") }
        return try await page(req, access, context, only: try invoice.requireID())
    }

    func statementCSV(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let page = try await PortalContext.build(access, req: req, context: context)
        let rows =
            [
                [
                    req.text("invoice.number"), req.text("invoice.issued"), req.text("invoice.due"),
                    req.text("invoice.total"),
                    req.text("invoice.balance"), req.text("invoice.days_overdue"), req.text("portal.payment_reference"),
                ]
            ]
            + page.invoices.map {
                [$0.number, $0.issued, $0.due, $0.total, $0.balance, String($0.days), $0.paymentReference]
            }
            + page.lateFees.map { [$0.description, $0.charged, "", $0.amount, $0.amount, "", $0.invoiceNumber] }
        let response = Response(status: .ok, body: .init(string: CSVWriter().document(rows, byteOrderMark: false)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "estado-de-cuenta-\(context.today.iso).csv")
        return response
    }

    // Forms arrive as text, whatever was typed: each action reads its fields and refuses in words.
    struct PromiseForm: Content {
        var amount: String?
        var promisedOn: String?
        var note: String?
        var invoiceIds: [String]?
    }

    func promise(req: Request) async throws -> Response {
        let form = try? req.content.decode(PromiseForm.self)
        let typed = ["amount": form?.amount, "promisedOn": form?.promisedOn, "note": form?.note]
        return try await submit(req, .promise, typed: typed, chosen: form?.invoiceIds ?? []) {
            access, context, format in
            _ = try await PortalActions.promise(
                .init(
                    amount: form?.amount, promisedOn: form?.promisedOn, note: form?.note,
                    invoiceIds: form?.invoiceIds ?? []),
                access, decimal: format.decimalMark, in: context)
            return "portal.flash.promise"
        }
    }

    struct DisputeForm: Content {
        var invoiceId: String?
        var reason: String?
    }

    func dispute(req: Request) async throws -> Response {
        let form = try? req.content.decode(DisputeForm.self)
        return try await submit(req, .dispute, typed: ["invoiceId": form?.invoiceId, "reason": form?.reason]) {
            access, context, _ in
            _ = try await PortalActions.dispute(
                .init(invoiceId: form?.invoiceId, reason: form?.reason), access, in: context)
            return "portal.flash.dispute"
        }
    }

    struct PlanRequestForm: Content {
        var instalments: String?
        var note: String?
    }

    /// A request, not a plan: the collector agrees the terms and creates it.
    func planRequest(req: Request) async throws -> Response {
        let form = try? req.content.decode(PlanRequestForm.self)
        return try await submit(req, .planRequest, typed: ["instalments": form?.instalments, "note": form?.note]) {
            access, context, _ in
            try await PortalActions.planRequest(
                .init(instalments: form?.instalments, note: form?.note), access, in: context)
            return "portal.flash.plan_request"
        }
    }

    /// "Pay online": a Stripe Checkout page for what the invoice still owes.
    func pay(req: Request) async throws -> Response {
        guard let opened = try await openLink(req) else { return try await linkInvalid(req) }
        let (access, context) = opened
        do {
            let submission = try await PortalThrottle.turns.inTurn(try access.token.requireID()) {
                try await PortalThrottle.admit(.pay, access, in: context)
            }
            guard let stripe = req.application.stripe else { throw PortalRefusal(.pay, field: nil, "pay_unavailable") }
            guard let id = req.parameters.get("invoiceID").flatMap(UUID.init(uuidString:)),
                let invoice = try await Invoice.query(on: context.db).filter(\.$id == id).filter(
                    \.$customer.$id == access.customer.requireID()
                )
                .owed().first()
            else { throw PortalRefusal(.pay, field: nil, "pay_not_owed") }
            let token = req.parameters.get("token") ?? ""
            do {
                let session = try await stripe.createCheckout(
                    invoice: invoice, customerName: access.customer.legalName,
                    successURL: context.publicURL + AppURL.portalPaid(token),
                    cancelURL: AppURL.portalLink(token, publicURL: context.publicURL), client: req.client)
                // A payment on its way: the safety check holds this customer's reminders until it is confirmed.
                try await PortalThrottle.accepted(submission, subject: try invoice.requireID(), in: context)
                return req.redirect(to: session.url)
            } catch let error as ServiceError {
                req.logger.warning("Portal checkout refused: \(error)")
                throw PortalRefusal(.pay, field: nil, "pay_failed", status: .badGateway)
            }
        } catch let refusal as PortalRefusal {
            return try await page(req, access, context, refusal: refusal)
        }
    }

    /// Runs a form's action; a refusal renders the portal again (never the staff sign-in page, never
    /// JSON) with the message next to the field and what was typed, answered with the refusal's status.
    private func submit(
        _ req: Request, _ form: PortalForm, typed: [String: String?], chosen: [String] = [],
        _ action: (PortalLinks.Access, ServiceContext, PageFormat) async throws -> String
    ) async throws -> Response {
        guard let opened = try await openLink(req) else { return try await linkInvalid(req) }
        let (access, context) = opened
        let format = context.pageFormat(language: req.pageLanguage)
        do {
            let message = try await PortalThrottle.turns.inTurn(try access.token.requireID()) {
                try await action(access, context, format)
            }
            return done(req, message)
        } catch let refusal as PortalRefusal {
            return try await page(
                req, access, context, refusal: refusal, typed: typed.compactMapValues { $0 }, chosen: chosen)
        } catch let error as ServiceError where error.kind.isClientFault {
            let refusal = PortalRefusal(
                form, error,
                fields: [
                    "amount": "amount", "promised_on": "promisedOn", "invoice_ids": "invoiceIds",
                    "invoice": "invoiceId", "reason": "reason", "note": "note",
                ])
            return try await page(
                req, access, context, refusal: refusal, typed: typed.compactMapValues { $0 }, chosen: chosen)
        }
    }

    private func page(
        _ req: Request, _ access: PortalLinks.Access, _ context: ServiceContext, only invoiceID: UUID? = nil,
        refusal: PortalRefusal? = nil, typed: [String: String] = [:], chosen: [String] = []
    ) async throws -> Response {
        var page = try await PortalContext.build(access, req: req, context: context, only: invoiceID)
        let format = context.pageFormat(language: req.pageLanguage)
        let owed = try await Invoice.query(on: context.db).filter(\.$customer.$id == access.customer.requireID())
            .owed().filter(\.$balanceMinor > 0).all().compactMap(\.id)
        var forms = PortalForms(
            invoices: page.invoices, owed: Set(owed), organisation: access.organisation, today: context.today,
            format: format, req: req)
        if let refusal { forms.refused(refusal, typed: typed, chosen: chosen, format: format, req: req) }
        page.forms = forms
        return try await req.render(
            "portal/show", title: "portal.title", section: "portal", page, status: refusal?.status ?? .ok)
    }

    /// The link's customer and a context acting as the portal; anything else is the same 404.
    func open(_ req: Request) async throws -> (PortalLinks.Access, ServiceContext) {
        guard let opened = try await openLink(req) else { throw Self.invalidLink }
        return opened
    }

    private static let invalidLink = ServiceError(
        .notFound, code: "portal_link_invalid", message: "This link is not valid or has expired. Ask us for a new one.")

    func openLink(_ req: Request) async throws -> (PortalLinks.Access, ServiceContext)? {
        guard let secret = req.parameters.get("token"),
            let access = try await PortalLinks.open(secret: secret, now: req.application.clock.now(), on: req.db),
            let organisationID = access.organisation.id
        else { return nil }
        // The portal speaks the customer's language unless the visitor picked another. Said through the
        // request rather than stored in the session: a visitor's first page then writes no session row,
        // so the cookie (and the form token derived from it) the page was rendered with stays theirs.
        if !(req.hasSession && req.session.language != nil) {
            req.headers.replaceOrAdd(name: .acceptLanguage, value: access.customer.language)
        }
        let actor = Actor(organisationID: organisationID, name: "portal:\(access.customer.legalName)")
        return (access, try await ServiceContext.make(db: req.db, actor: actor, app: req.application))
    }

    /// A form posted through a dead link: the same 404 page as opening it, not a redirect elsewhere.
    func linkInvalid(_ req: Request) async throws -> Response {
        let error = Self.invalidLink
        let message = req.application.localizer.errorMessage(
            code: error.code, field: nil, fallback: error.message, language: req.pageLanguage)
        return try await req.render(
            "error", title: "error.title", section: "",
            WebErrorMiddleware.ErrorPage(status: 404, code: error.code, message: message), status: .notFound)
    }

    func done(_ req: Request, _ key: String) -> Response {
        req.session.flash(req.text(key))
        return req.redirect(to: AppURL.portal(req.parameters.get("token") ?? ""))
    }
}
