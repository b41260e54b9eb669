import CarteraCore
import Fluent
import Vapor

/// The customer page (GET) and the forms posted from it; the list is `CustomerListPage`.
/// Handlers parse the form, call the same services as the API, and go back to the page.
struct CustomerPages {
    func show(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await CustomerPageData.read(
            try await req.customerParameter(in: context), language: req.pageLanguage,
            localizer: req.application.localizer, in: context)
        return try await req.render(
            "customers/show", title: "customer.title", section: "customers", try page(data, req: req, context: context))
    }

    /// The case file for an agency or a lawyer: statement and timeline, as CSV or a printable page.
    func caseFile(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let data = try await CustomerPageData.read(
            customer, language: req.pageLanguage, localizer: req.application.localizer, in: context)
        let page = try page(data, req: req, context: context)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            let response = Response(status: .ok, body: .init(string: CaseFileCSV.make(page, req: req)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            let safeName = customer.legalName.filter { $0.isLetter || $0.isNumber }.prefix(40)
            response.headers.contentDisposition = .init(.attachment, filename: "expediente-\(safeName).csv")
            return response
        }
        return try await req.render("customers/case-file", title: "casefile.title", section: "customers", page)
    }

    func addContact(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await ContactService.create(
            for: try await req.customerParameter(in: context), try req.content.decode(ContactInput.self), source: .page,
            in: context)
        return done(req, "flash.contact_saved")
    }

    func updateContact(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        guard contact.$customer.id == customer.id else { throw ServiceError.notFound("contact") }
        _ = try await ContactService.update(
            contact, with: try req.content.decode(ContactInput.self), source: .page, in: context)
        return done(req, "flash.contact_saved")
    }

    func logCall(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        var input = try await req.typedForm(CallService.Input.self, amounts: ["promiseAmount"])
        if input.contactId == nil, let raw = try? req.content.get(String.self, at: "contact"), !raw.isEmpty {
            input.contactId = UUID(uuidString: raw)
        }
        _ = try await CallService.log(for: try await req.customerParameter(in: context), input, in: context)
        return done(req, "flash.call_logged")
    }

    struct NoteForm: Content { var note: String? }

    func addNote(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await CallService.addNote(
            for: try await req.customerParameter(in: context), text: try req.content.decode(NoteForm.self).note,
            in: context)
        return done(req, "flash.note_added")
    }

    func addPromise(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await PromiseService.create(
            for: try await req.customerParameter(in: context),
            try await req.typedForm(PromiseInput.self, amounts: ["amount"]),
            in: context)
        return done(req, "flash.promise_saved")
    }

    /// The plan form: chosen invoices, number of instalments, first date, spacing ("monthly" or days).
    struct PlanForm: Content {
        var invoiceIds: [UUID]?
        var instalments: Int?
        var firstDueOn: String?
        var spacing: String?
        var downPayment: String?
        var note: String?
    }

    func addPlan(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try await req.typedForm(PlanForm.self, amounts: ["downPayment"])
        let everyDays: Int? = try form.spacing.flatMap { $0 == "monthly" || $0.isEmpty ? nil : $0 }.map {
            guard let days = Int($0) else {
                throw ServiceError.invalid("spacing", "spacing must be monthly or a number of days")
            }
            return days
        }
        _ = try await PaymentPlanService.create(
            for: try await req.customerParameter(in: context),
            .init(
                invoiceIds: form.invoiceIds ?? [], instalments: form.instalments, firstDueOn: form.firstDueOn,
                everyDays: everyDays,
                downPayment: form.downPayment, downPaymentDueOn: nil, schedule: nil, note: form.note), in: context)
        return done(req, "flash.plan_created")
    }

    func cancelPlan(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let plan = try await PaymentPlanService.find(
            try req.uuidParameter("planID", entity: "payment_plan"), in: context)
        _ = try await PaymentPlanService.cancel(
            plan, reason: try req.content.decode(ReasonInput.self).reason, in: context)
        return done(req, "flash.plan_cancelled")
    }

    func placeHold(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await CreditService.placeHold(
            try await req.customerParameter(in: context), reason: try req.content.decode(ReasonInput.self).reason,
            in: context)
        return done(req, "flash.hold_placed")
    }

    func releaseHold(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await CreditService.releaseHold(
            try await req.customerParameter(in: context), reason: try req.content.decode(ReasonInput.self).reason,
            in: context)
        return done(req, "flash.hold_released")
    }

    func escalate(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await EscalationService.escalate(
            try await req.customerParameter(in: context), try req.content.decode(EscalationService.Input.self),
            in: context)
        return done(req, "flash.escalated")
    }

    func recall(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await EscalationService.recall(try await req.customerParameter(in: context), in: context)
        return done(req, "flash.recalled")
    }

    func sendStatement(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await StatementService.sendNow(try await req.customerParameter(in: context), in: context)
        return done(req, "flash.statement_queued")
    }

    struct AssignForm: Content { var userId: String? }

    func assign(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let raw = try req.content.decode(AssignForm.self).userId ?? ""
        _ = try await CustomerService.assign(
            try await req.customerParameter(in: context), to: raw.isEmpty ? nil : UUID(uuidString: raw), in: context)
        return done(req, "flash.assigned")
    }

    /// Shows the new link once, in the flash message, for the collector to send or read out.
    func createPortalLink(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let created = try await context.transaction { tx in try await PortalLinks.create(for: customer, in: tx) }
        req.session.flash(req.text("flash.portal_link", ["url": created.url]))
        return req.redirectBack(fallback: AppURL.customer(try customer.requireID()))
    }

    func completeTask(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await TaskService.complete(try req.uuidParameter("taskID", entity: "task"), in: context)
        return done(req, "flash.task_done")
    }

    private func page(_ data: CustomerPageData, req: Request, context: ServiceContext) throws -> CustomerPageContext {
        try CustomerPageContext(
            data: data, format: context.pageFormat(language: req.pageLanguage),
            links: CustomerPageLinks(try data.customer.requireID()))
    }

    private func done(_ req: Request, _ key: String) -> Response {
        req.session.flash(req.text(key))
        return req.redirectBack(fallback: AppURL.customer(req.parameters.get("customerID") ?? ""))
    }
}
