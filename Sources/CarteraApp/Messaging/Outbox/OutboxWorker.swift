import CarteraCore
import Fluent
import Foundation
import Logging

/// Sends what the outbox holds, with retries and backoff.
///
/// Delivery is at-most-once: the message is marked as handed over just before the transport gets
/// it, and marked sent after. A crash in between leaves it failed with the reason ("interrupted"),
/// to be checked and retried by hand — never sent twice behind anyone's back. A crash before the
/// hand-over loses nothing: the claim expires and the message is taken again.
struct OutboxWorker: Sendable {
    static let maxAttempts = 6
    /// Wait after the n-th failed attempt.
    static let backoff: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]
    static let claimDuration: TimeInterval = 10 * 60

    let db: any Database
    let transports: Transports
    let clock: any AppClock
    let workerID: String
    let logger: Logger

    /// `waiting`: taken, but outside the hours its customer may be contacted, so given back for later.
    struct Result: Sendable, Equatable { var sent = 0, retried = 0, failed = 0, waiting = 0 }

    @discardableResult
    func runOnce(limit: Int = 50) async throws -> Result {
        let now = clock.now()
        var result = Result()
        for id in try await WriteIntent.transaction(
            on: db, { try await OutboxClaims.abandonInterrupted(now: now, on: $0) })
        {
            logger.warning("Delivery of outbox message \(id) was interrupted; marked failed, not resent")
            result.failed += 1
        }
        let ids = try await OutboxClaims.claim(
            worker: workerID, now: now, until: now.addingTimeInterval(Self.claimDuration), limit: limit, on: db)
        // Read once per batch: a pause placed after a message was queued holds it too.
        var organisations: [UUID: Organisation] = [:]
        for id in ids {
            guard let message = try await OutboxMessage.find(id, on: db), message.claimedBy == workerID else {
                continue
            }
            if organisations[message.organisationID] == nil {
                organisations[message.organisationID] = try await Organisation.find(message.organisationID, on: db)
            }
            // The writer queued it for an allowed hour; a retry's backoff or a retry by hand may not
            // land in one, and the organisation may have paused since, so both are checked again here,
            // before anything is handed over.
            if let opening = try await nextOpening(
                for: message, organisation: organisations[message.organisationID], now: now)
            {
                try await WriteIntent.transaction(
                    on: db, { try await OutboxClaims.postpone(id, worker: workerID, until: opening, on: $0) })
                result.waiting += 1
                continue
            }
            guard
                try await WriteIntent.transaction(
                    on: db, { try await OutboxClaims.startDelivery(id, worker: workerID, now: clock.now(), on: $0) })
            else { continue }
            let status: OutboxStatus
            var failure: String?
            do {
                try await transports.transport(for: message.channel).deliver(try await outgoing(message))
                status = .sent
                result.sent += 1
            } catch {
                let permanent = (error as? TransportError)?.isPermanent ?? false
                status = permanent || message.attempts >= Self.maxAttempts ? .failed : .pending
                failure = String(describing: error)
                logger.warning("Delivery of \(message.rfcMessageID) failed (attempt \(message.attempts)): \(error)")
                if status == .failed { result.failed += 1 } else { result.retried += 1 }
            }
            // A database error here is not a delivery failure: the claim stays and expires, and the
            // message is then marked interrupted rather than sent again.
            try await finish(message, status: status, error: failure)
        }
        return result
    }

    /// When the message's customer may next be contacted, if not now: not before the organisation's
    /// resume day while it is paused, and then within the customer's hours.
    private func nextOpening(for message: OutboxMessage, organisation: Organisation?, now: Date) async throws
        -> Date?
    {
        guard let organisation, let customer = try await Customer.find(message.$customer.id, on: db) else {
            return nil
        }
        let zone = TimeZone(identifier: organisation.timeZone) ?? .gmt
        let from = organisation.resumeInstant(after: now) ?? now
        let rules = CustomerContactRules(
            customer: customer, organisation: organisation, around: LocalDate.today(at: from, in: zone))
        let opening = rules.nextAllowed(from: from)
        return opening > now ? opening : nil
    }

    private func outgoing(_ message: OutboxMessage) async throws -> OutgoingMessage {
        let organisation = try await Organisation.find(message.organisationID, on: db)
        return OutgoingMessage(
            channel: message.channel, messageID: message.rfcMessageID,
            fromName: organisation?.senderName ?? organisation?.name ?? "Cartera",
            fromAddress: organisation?.senderEmail ?? transports.fromAddress,
            replyTo: organisation?.replyToEmail, toName: message.recipientName, toAddress: message.recipientAddress,
            subject: message.subject, text: message.bodyText, html: message.bodyHTML, date: clock.now())
    }

    /// Records the outcome, but only while this worker still holds the claim.
    private func finish(_ message: OutboxMessage, status: OutboxStatus, error: String?) async throws {
        try await WriteIntent.transaction(on: db) { tx in
            guard let fresh = try await OutboxMessage.find(message.requireID(), on: tx), fresh.claimedBy == workerID,
                fresh.status == .sending
            else { return }
            fresh.status = status
            fresh.claimedBy = nil
            fresh.claimedUntil = nil
            fresh.lastError = error.map { String($0.prefix(500)) }
            if status == .sent { fresh.sentAt = clock.now() }
            if status == .pending {
                // The transport refused it, so it was not sent: the next attempt may send it.
                fresh.deliveryStartedAt = nil
                fresh.nextAttemptAt = clock.now().addingTimeInterval(
                    Self.backoff[min(fresh.attempts - 1, Self.backoff.count - 1)])
            }
            try await fresh.save(on: tx)
            let event = AuditEvent()
            event.organisationID = fresh.organisationID
            event.actor = "system:\(workerID)"
            event.action = "message.\(status.rawValue)"
            event.entityType = "outbox_message"
            event.entityID = try fresh.requireID()
            event.details = "{\"attempts\":\(fresh.attempts)}"
            event.occurredAt = clock.now()
            try await event.create(on: tx)
        }
    }
}
