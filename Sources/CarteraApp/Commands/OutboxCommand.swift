import Vapor

/// `cartera outbox list [--status failed]`, `cartera outbox retry <id>`, `cartera outbox cancel <id>`.
struct OutboxCommand: AsyncCommandGroup {
    var help: String { "Lists, retries and cancels messages in the outbox." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(), "retry": Change(retry: true), "cancel": Change(retry: false)]
    }
    var defaultCommand: (any AnyAsyncCommand)? { List() }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "status", help: "pending, sending, sent, failed, cancelled or ready")
            var status: String?
            @Option(name: "organisation", help: "Organisation id, when there is more than one")
            var organisation: String?
        }

        var help: String { "Lists the latest 200 messages." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let service = try await context.serviceContext(organisation: signature.organisation)
            let messages = try await cliErrors("--status") {
                try await OutboxService.list(
                    OutboxListQuery(page: 1, perPage: 200, status: signature.status), in: service
                ).items
            }
            for message in messages {
                context.console.print(
                    "\(message.id!)  \(message.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(message.channel.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(message.scheduledOn)  \(message.recipientAddress)  \(message.subject)"
                )
            }
            context.console.print("\(messages.count) message(s)")
        }
    }

    struct Change: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "Message id")
            var id: String
            @Option(name: "organisation", help: "Organisation id, when there is more than one")
            var organisation: String?
        }

        let retry: Bool
        var help: String { retry ? "Queues a failed or cancelled message again." : "Cancels a message not yet sent." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let service = try await context.serviceContext(organisation: signature.organisation)
            guard let id = UUID(uuidString: signature.id) else {
                throw CommandArgumentError(field: "id", message: "\"\(signature.id)\" is not a message id")
            }
            let message = try await cliErrors("id") {
                let message = try await OutboxService.find(id, in: service)
                return retry
                    ? try await OutboxService.retry(message, in: service)
                    : try await OutboxService.cancel(message, in: service)
            }
            context.console.print("\(id): \(message.status.rawValue)")
        }
    }
}

/// Service errors name API fields; on the command line they name the argument instead.
func cliErrors<T>(_ argument: String, _ work: () async throws -> T) async throws -> T {
    do { return try await work() } catch let error as ServiceError {
        throw CommandArgumentError(
            field: error.field.map { $0 == "status" ? "--status" : $0 } ?? argument, message: error.message)
    }
}
