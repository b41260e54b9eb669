import Vapor

/// `cartera deliver-outbox`: sends what is due in the outbox, then exits.
struct DeliverOutboxCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Sends every message due in the outbox (with retries and backoff)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let result = try await BackgroundJobs.deliverOutbox(app: context.application, workerID: BackgroundJobs.workerID)
        context.console.print("Delivered: \(result.sent) sent, \(result.retried) to retry, \(result.failed) failed")
    }
}
