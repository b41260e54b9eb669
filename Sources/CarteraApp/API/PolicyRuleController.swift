import CarteraCore
import Vapor

struct PolicyRuleController {
    func list(req: Request) async throws -> [PolicyRuleDTO] {
        let context = try await req.serviceContext()
        let currency = try Currency(code: context.organisation.defaultCurrency)
        return try await PolicyRuleService.list(in: context).map { PolicyRuleDTO($0, currency: currency) }
    }

    /// PUT: the whole ordered list, replacing the stored one.
    func replace(req: Request) async throws -> [PolicyRuleDTO] {
        let input = try req.decodeBody(PolicyRulesInput.self)
        let context = try await req.serviceContext()
        let currency = try Currency(code: context.organisation.defaultCurrency)
        return try await PolicyRuleService.replace(input, in: context).map { PolicyRuleDTO($0, currency: currency) }
    }
}
