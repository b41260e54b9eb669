import CarteraCore

/// Policy steps in words where only their keys were kept (reminder history, report rows).
extension StepText {
    /// "10 días después del vencimiento (correo)" without a request, for contexts that only format.
    static func describe(_ step: PolicyStep, format: PageFormat) -> String {
        let days = String(abs(step.offsetDays))
        let when =
            step.key == PolicyStep.firstNoticeKey
            ? format.text("step.first_notice")
            : step.offsetDays == 0
                ? format.text("step.on_due")
                : format.text(step.offsetDays < 0 ? "step.before" : "step.after", ["days": days])
        return format.text(
            "step.describe", ["step": when, "channel": format.text("channel.\(step.channel.rawValue)")])
    }

    /// Every step the organisation's policies (and the standard one) name, by key; the first policy
    /// that names a key describes it.
    static func names(in context: ServiceContext, format: PageFormat) async throws -> [String: String] {
        let policies = try await PolicyService.list(in: context).map(\.policy) + [CollectionPolicy.standard]
        let steps = policies.flatMap { $0.steps + ($0.firstNotice.map { [$0] } ?? []) }
        var names: [String: String] = [:]
        for step in steps where names[step.key] == nil { names[step.key] = describe(step, format: format) }
        return names
    }
}
