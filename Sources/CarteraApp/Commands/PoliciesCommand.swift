import Vapor

/// `cartera policies`: the collection policies in force, step by step.
struct PoliciesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisation", help: "Organisation id, when there is more than one")
        var organisation: String?
    }

    var help: String { "Shows the collection policies and their steps." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let service = try await context.serviceContext(organisation: signature.organisation)
        for policy in try await PolicyService.list(in: service) {
            context.console.print(
                "\(policy.name)\(policy.isDefault ? " (default)" : "")  \(policy.id?.uuidString ?? "built-in")")
            for step in policy.policy.steps {
                let offset = step.offsetDays
                context.console.print(
                    "  \(offset >= 0 ? "+" : "")\(offset) days  \(step.channel.rawValue)  \(step.tone.rawValue)  template \(step.templateKey)  [\(step.key)]"
                )
            }
        }
    }
}
