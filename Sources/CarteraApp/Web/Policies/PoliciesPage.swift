import CarteraCore
import Vapor

/// GET /policies — the collection policies: name, number of steps, customers who follow each, the
/// default marked; admins create a new one (a copy of the default's steps, then edited on its page).
struct PoliciesPage {
    static let formName = "newpolicy"

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await PoliciesPageData.read(in: context)
        return try await req.render(
            "policies/index", title: "policies.title", section: "policies",
            Context(
                data: data, format: context.pageFormat(language: req.pageLanguage),
                standardName: req.text("policy.standard_name")))
    }

    /// POST /policies — a new policy named as typed, starting from the default's steps.
    static func create(req: Request) async throws -> Response {
        struct Form: Content { var name: String? }
        let context = try await req.serviceContext()
        let name = try req.content.decode(Form.self).name
        let start = try await PolicyService.list(in: context).first(where: \.isDefault)?.policy ?? .standard
        let steps = start.steps.map {
            PolicyStepInput(
                key: $0.key, offsetDays: $0.offsetDays, channel: $0.channel.rawValue, tone: $0.tone.rawValue,
                template: $0.templateKey)
        }
        let record = try await PolicyService.create(.init(name: name, isDefault: false, steps: steps), in: context)
        req.session.flash(req.text("flash.policy_created"))
        return req.redirect(to: AppURL.policy(try record.requireID()))
    }
}
