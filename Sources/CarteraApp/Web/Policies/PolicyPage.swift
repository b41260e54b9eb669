import CarteraCore
import Vapor

/// GET /policies/{id} — one policy's steps, editable by admins: each step's day (before, on or after
/// the due day), channel, tone and template, in words; add, remove (steps keep the order of their
/// days); a timeline preview on a sample invoice, computed by the daily run's rule; the customers who
/// follow it. Saved through `PolicyService`, like the API's `PATCH /api/v1/policies/{id}`.
struct PolicyPage {
    static let formName = "policy"

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let named = try await policy(req, in: context)
        var form = PolicyForm(named)
        var errors: [String: String] = [:]
        // A refused save comes back with what was typed (see `Request.refuseForm`).
        if let memory = req.session.takeForm() {
            if memory.name == formName {
                form = PolicyForm(fields: memory.values)
                errors = memory.errors
            } else {
                req.session.remember(memory)
            }
        }
        return try await show(req, named, form: form, errors: errors, in: context)
    }

    /// "Vista previa": the page again with the steps as typed and their days on the sample invoice; nothing saved.
    static func preview(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let named = try await policy(req, in: context)
        let form = PolicyForm(fields: FormMemory(request: req)?.values ?? [:])
        let errors = refusal(of: form, req: req)
        return try await show(
            req, named, form: form, errors: errors, in: context, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func save(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let named = try await policy(req, in: context)
        let form = PolicyForm(fields: FormMemory(request: req)?.values ?? [:])
        let back = AppURL.policy(named.id)
        let saved: CollectionPolicyRecord
        do {
            let (input, rows) = try form.input()
            do {
                if let id = named.id {
                    saved = try await PolicyService.update(
                        try await PolicyService.find(id, in: context), with: input, in: context)
                } else {
                    // The built-in policy, changed for the first time, becomes the organisation's own default.
                    var first = input
                    first.isDefault = true
                    saved = try await PolicyService.create(first, in: context)
                }
            } catch let error as ServiceError where error.kind == .invalid || error.kind == .conflict {
                let (field, message) = placed(error, form: form, rows: rows, req: req)
                return req.refuseForm(to: back, errors: [field: message], summary: message)
            }
        } catch let error as PolicyForm.FieldError {
            let message = req.text(error.messageKey)
            return req.refuseForm(to: back, errors: [error.field: message], summary: message)
        }
        req.session.flash(req.text("flash.policy_saved"))
        return req.redirect(to: AppURL.policy(try saved.requireID()))
    }

    /// POST /policies/{id}/customers — a customer follows this policy (or, with `policy=default`, the default again).
    static func assign(req: Request) async throws -> Response {
        struct Form: Content {
            var customerId: UUID?
            var policy: String?
        }
        let context = try await req.serviceContext()
        let id = try req.uuidParameter("policyID", entity: "policy")
        let record = try await PolicyService.find(id, in: context)
        let form = try req.content.decode(Form.self)
        let customer = try await CustomerService.referenced(form.customerId, field: "customerId", in: context)
        var input = CustomerInput()
        input.collectionPolicyId = form.policy == "default" ? "default" : try record.requireID().uuidString
        _ = try await CustomerService.update(customer, with: input, in: context)
        req.session.flash(
            req.text(form.policy == "default" ? "flash.policy_unassigned" : "flash.policy_assigned"))
        return req.redirect(to: AppURL.policy(id))
    }

    // MARK: -

    private static func show(
        _ req: Request, _ named: PolicyService.Named, form: PolicyForm, errors: [String: String],
        in context: ServiceContext, status: HTTPStatus = .ok
    ) async throws -> Response {
        let data = try await PolicyPageData.read(named, form: form, errors: errors, in: context)
        let page = Context(
            data: data, format: context.pageFormat(language: req.pageLanguage),
            standardName: req.text("policy.standard_name"))
        return try await req.render("policies/show", title: "policy.title", section: "policies", page, status: status)
    }

    /// The policy of the address: one of the organisation's, or the built-in one at `/policies/standard`.
    private static func policy(_ req: Request, in context: ServiceContext) async throws -> PolicyService.Named {
        if req.parameters.get("policyID") == AppURL.standardPolicySegment { return PolicyService.standard }
        return try PolicyService.Named(
            try await PolicyService.find(try req.uuidParameter("policyID", entity: "policy"), in: context))
    }

    /// Why typed steps cannot be previewed, by form field; empty when they can.
    private static func refusal(of form: PolicyForm, req: Request) -> [String: String] {
        do {
            let (input, rows) = try form.input()
            do {
                _ = try PolicyService.policy(from: input.steps ?? [])
            } catch let error as ServiceError {
                let (field, message) = placed(error, form: form, rows: rows, req: req)
                return [field: message]
            }
        } catch let error as PolicyForm.FieldError {
            return [error.field: req.text(error.messageKey)]
        } catch {
            return ["steps": req.text("policy.error.steps")]
        }
        return [:]
    }

    /// A refusal in the page's words, and the field it is shown next to.
    private static func placed(_ error: ServiceError, form: PolicyForm, rows: [Int], req: Request) -> (String, String) {
        let field = PolicyForm.pageField(error.field, rows: rows)
        let range = CollectionPolicy.offsetRange
        if field.hasPrefix("days_") {
            let text = req.text(
                "policy.error.days_range",
                ["before": String(range.lowerBound.magnitude), "after": String(range.upperBound)])
            return (field, text)
        }
        guard field == "steps" else {
            return (field, req.refusalText(error, label: field.split(separator: "_").first.map(String.init)))
        }
        if rows.isEmpty || rows.count > CollectionPolicy.maximumSteps {
            return (field, req.text("policy.error.count", ["maximum": String(CollectionPolicy.maximumSteps)]))
        }
        // Two steps on one day: said next to the second of them.
        var seen = Set<Int>()
        for n in rows {
            guard let offset = try? PolicyForm.offset(form.rows[n], field: "") else { continue }
            if !seen.insert(offset).inserted { return ("days_\(n)", req.text("policy.error.same_day")) }
        }
        return (field, req.text("policy.error.steps"))
    }
}
