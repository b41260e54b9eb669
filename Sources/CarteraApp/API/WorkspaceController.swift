import CarteraCore
import Fluent
import Vapor

/// The collector's work through the API: worklist, timeline, calls and notes, credit check and
/// hold, payment plans, escalation, assignment and "send statement now".
struct WorkspaceController {
    /// `scope`: all (default), unassigned, or a user id (that collector's accounts and the unassigned); see `Scope`.
    func worklist(req: Request) async throws -> [WorklistItemDTO] {
        let context = try await req.serviceContext()
        let scope = try WorklistQuery.Scope(
            parameter: (try? req.query.get(String.self, at: "scope")) ?? "all", person: nil)
        return try await WorklistQuery(context: context).items(scope: scope).map(WorklistItemDTO.init)
    }

    /// `POST /worklist/assign`: several accounts to one collector, all or nothing.
    func assignMany(req: Request) async throws -> BulkOutcomeDTO {
        let input = try req.decodeBody(BulkAccountsInput.self)
        return BulkOutcomeDTO(
            try await BulkActions.assign(
                input.customerIds ?? [], to: try input.collector(), in: try await req.serviceContext()))
    }

    /// `POST /worklist/statements`: the statement now to each account that can get one today.
    func sendStatements(req: Request) async throws -> BulkOutcomeDTO {
        let input = try req.decodeBody(BulkAccountsInput.self)
        return BulkOutcomeDTO(
            try await BulkActions.sendStatements(input.customerIds ?? [], in: try await req.serviceContext()))
    }

    func timeline(req: Request) async throws -> [TimelineEntry] {
        let context = try await req.serviceContext()
        return try await TimelineQuery(
            context: context, language: req.preferredLanguage, localizer: req.application.localizer
        )
        .entries(for: try await req.customerParameter(in: context))
    }

    /// "May we sell `amount` more on credit?" — and if not, why.
    func creditCheck(req: Request) async throws -> CreditCheckDTO {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let currency = try FieldParser.currency(
            (try? req.query.get(String.self, at: "currency")) ?? customer.currency, "currency")
        let sale = try (try? req.query.get(String.self, at: "amount")).map {
            try FieldParser.money($0, currency: currency, "amount")
        }
        let assessment = try await CreditService.assess(customer, sale: sale, in: context)
        if let sale, sale.currency.code != customer.currency,
            try CreditService.referenceRates(context.organisation, base: try Currency(code: customer.currency)).convert(
                sale) == nil
        {
            throw ServiceError.invalid(
                "currency", code: "no_reference_rate",
                "There is no reference rate from \(sale.currency.code) to \(customer.currency)")
        }
        let format = context.pageFormat(language: req.preferredLanguage)
        return CreditCheckDTO(
            customerId: try customer.requireID(), allowed: assessment.decision.allowed,
            onHold: assessment.decision.onHold, currency: customer.currency,
            exposure: assessment.standing.exposure.decimalString, creditLimit: assessment.standing.limit?.decimalString,
            availableCredit: assessment.decision.availableCredit?.decimalString,
            oldestDaysOverdue: assessment.standing.oldestDaysOverdue,
            reasons: assessment.decision.reasons.map {
                .init(code: $0.code, message: CreditText.reason($0, req: req, format: format))
            })
    }

    func listCalls(req: Request) async throws -> [CallDTO] {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        return try await Interaction.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .sort(\.$createdAt, .descending).limit(500).all().map(CallDTO.init)
    }

    func logCall(req: Request) async throws -> Response {
        let input = try req.decodeBody(CallService.Input.self)
        let context = try await req.serviceContext()
        return try await CallDTO(
            try await CallService.log(for: try await req.customerParameter(in: context), input, in: context)
        ).encodeResponse(status: .created, for: req)
    }

    func addNote(req: Request) async throws -> Response {
        let input = try req.decodeBody(NoteInput.self)
        let context = try await req.serviceContext()
        return try await CallDTO(
            try await CallService.addNote(
                for: try await req.customerParameter(in: context), text: input.note, in: context)
        ).encodeResponse(status: .created, for: req)
    }

    func placeHold(req: Request) async throws -> CustomerDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await CreditService.placeHold(
                try await req.customerParameter(in: context), reason: input.reason, in: context))
    }

    func releaseHold(req: Request) async throws -> CustomerDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await CreditService.releaseHold(
                try await req.customerParameter(in: context), reason: input.reason, in: context))
    }

    func escalate(req: Request) async throws -> CustomerDTO {
        let input = try req.decodeBody(EscalationService.Input.self)
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await EscalationService.escalate(try await req.customerParameter(in: context), input, in: context))
    }

    func recall(req: Request) async throws -> CustomerDTO {
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await EscalationService.recall(try await req.customerParameter(in: context), in: context))
    }

    func assign(req: Request) async throws -> CustomerDTO {
        let input = try req.decodeBody(AssignInput.self)
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await CustomerService.assign(
                try await req.customerParameter(in: context), to: input.userId, in: context))
    }

    func sendStatement(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        return try await OutboxMessageDTO(
            try await StatementService.sendNow(try await req.customerParameter(in: context), in: context)
        ).encodeResponse(status: .created, for: req)
    }

    struct PortalLinkInput: Content { var days: Int? }

    /// A new link to the customer's portal; the secret is in the URL and shown only now.
    func createPortalLink(req: Request) async throws -> Response {
        // The body is optional: no body means the default lifetime.
        let input = req.body.data == nil ? PortalLinkInput() : try req.decodeBody(PortalLinkInput.self)
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let created = try await context.transaction { tx in
            try await PortalLinks.create(for: customer, days: input.days ?? PortalLinks.defaultLifetimeDays, in: tx)
        }
        return try await PortalLinkDTO(url: created.url, expiresAt: created.token.expiresAt).encodeResponse(
            status: .created, for: req)
    }

    func revokePortalLinks(req: Request) async throws -> [String: Int] {
        let context = try await req.serviceContext()
        return [
            "revoked": try await PortalLinks.revokeAll(for: try await req.customerParameter(in: context), in: context)
        ]
    }

    func listPlans(req: Request) async throws -> [PaymentPlanDTO] {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        var plans: [PaymentPlanDTO] = []
        for plan in try await PaymentPlan.query(on: context.db).filter(\.$customer.$id == customer.requireID()).sort(
            \.$createdAt, .descending
        ).all() {
            plans.append(
                try PaymentPlanDTO(
                    plan, standing: try await PaymentPlanService.standing(of: plan, on: context.db, asOf: context.today)
                ))
        }
        return plans
    }

    func createPlan(req: Request) async throws -> Response {
        let input = try req.decodeBody(PaymentPlanService.Input.self)
        let context = try await req.serviceContext()
        let plan = try await PaymentPlanService.create(
            for: try await req.customerParameter(in: context), input, in: context)
        let standing = try await PaymentPlanService.standing(of: plan, on: context.db, asOf: context.today)
        return try await PaymentPlanDTO(plan, standing: standing).encodeResponse(status: .created, for: req)
    }

    func cancelPlan(req: Request) async throws -> PaymentPlanDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        let plan = try await PaymentPlanService.cancel(
            try await PaymentPlanService.find(try req.uuidParameter("planID", entity: "payment_plan"), in: context),
            reason: input.reason, in: context)
        return try PaymentPlanDTO(
            plan, standing: try await PaymentPlanService.standing(of: plan, on: context.db, asOf: context.today))
    }

}
