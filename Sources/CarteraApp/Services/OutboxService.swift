import CarteraCore
import Fluent
import Foundation

enum OutboxService {
    static func list(_ query: OutboxListQuery, in context: ServiceContext) async throws -> (
        items: [OutboxMessage], total: PageTotal, page: PageRequest
    ) {
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let builder = OutboxMessage.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let status = query.status {
            builder.filter(\.$status == (try FieldParser.enumValue(status, OutboxStatus.self, "status")))
        }
        if let customer = query.customerId { builder.filter(\.$customer.$id == customer) }
        if let channel = query.channel, !channel.isEmpty {
            builder.filter(\.$channel == (try FieldParser.enumValue(channel, ReminderChannel.self, "channel")))
        }
        if let from = try FieldParser.optionalDate(query.from.flatMap { $0.isEmpty ? nil : $0 }, "from") {
            builder.filter(\.$createdAt >= start(of: from, in: context))
        }
        if let to = try FieldParser.optionalDate(query.to.flatMap { $0.isEmpty ? nil : $0 }, "to") {
            builder.filter(\.$createdAt < start(of: to.addingClamped(days: 1), in: context))
        }
        let result = try await builder.sort(\.$createdAt, .descending).sort(\.$id).page(page)
        return (result.items, result.total, page)
    }

    /// The first instant of a day in the organisation's time zone.
    private static func start(of day: LocalDate, in context: ServiceContext) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
    }

    /// The message as an HTML page to print (letters) or read: its own HTML with print styles.
    static func printable(_ message: OutboxMessage) -> String {
        message.bodyHTML.replacingOccurrences(
            of: "</head>",
            with: "<style>@page { size: A4; margin: 25mm; } @media print { body { font-size: 12pt; } }</style></head>")
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> OutboxMessage {
        guard
            let message = try await OutboxMessage.query(on: context.db).filter(\.$id == id).filter(
                \.$organisationID == context.organisationID
            ).first()
        else { throw ServiceError.notFound("message") }
        return message
    }

    /// A failed (or cancelled) message goes back to the queue with a fresh set of attempts.
    static func retry(_ message: OutboxMessage, in context: ServiceContext) async throws -> OutboxMessage {
        guard [.failed, .cancelled].contains(message.status), message.channel.isTransmitted else {
            throw ServiceError.conflict(
                "message_not_retryable",
                "Only failed or cancelled email and SMS messages can be retried (this one is \(message.status.rawValue))"
            )
        }
        return try await change(message, to: .pending, action: "message.retried", in: context) {
            $0.attempts = 0
            $0.nextAttemptAt = context.clock.now()
            $0.lastError = nil
            $0.deliveryStartedAt = nil
        }
    }

    static func cancel(_ message: OutboxMessage, in context: ServiceContext) async throws -> OutboxMessage {
        guard [.pending, .failed, .ready].contains(message.status) else {
            throw ServiceError.conflict(
                "message_not_cancellable", "A \(message.status.rawValue) message cannot be cancelled")
        }
        return try await change(message, to: .cancelled, action: "message.cancelled", in: context) { _ in }
    }

    /// Changes status only if nobody changed it meanwhile (a worker may be claiming it right now).
    private static func change(
        _ message: OutboxMessage, to status: OutboxStatus, action: String, in context: ServiceContext,
        _ edit: @escaping @Sendable (OutboxMessage) -> Void
    ) async throws -> OutboxMessage {
        let expected = message.status
        return try await context.transaction { tx in
            guard let fresh = try await OutboxMessage.find(message.requireID(), on: tx.db), fresh.status == expected
            else {
                throw ServiceError.conflict("message_changed", "The message changed meanwhile; reload it")
            }
            fresh.status = status
            edit(fresh)
            try await fresh.save(on: tx.db)
            try await AuditLog.record(
                action, entityType: "outbox_message", entityID: try fresh.requireID(),
                details: ["from": expected.rawValue], in: tx)
            return fresh
        }
    }
}
