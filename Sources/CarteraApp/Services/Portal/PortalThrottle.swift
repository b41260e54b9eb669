import Fluent
import Foundation

/// The portal's rate limits (`PortalLimits`), counted in `portal_submissions`. Each check first
/// touches the link's own row in `portal_tokens` inside the transaction: that write lock makes two
/// posts through one link take turns on PostgreSQL (and SQLite has one writer anyway), so two
/// instances answering at once cannot both let the eleventh post through.
enum PortalThrottle {
    /// Posts through one link take their turn in this process before they touch the database.
    static let turns = KeyedTurns<UUID>()

    /// Counts a post through the link, or refuses it (429) when the link has posted
    /// `submissionsPerLinkPerHour` forms in the last hour. Refused posts count: a script
    /// retrying bad input is held back too. Posts refused here are not stored, so the window slides.
    static func admit(_ form: PortalForm, _ access: PortalLinks.Access, in context: ServiceContext) async throws
        -> PortalSubmission
    {
        let now = context.clock.now()
        let tokenID = try access.token.requireID()
        return try await context.transaction { tx in
            try await lock(tokenID, now: now, on: tx.db)
            let lastHour = try await PortalSubmission.query(on: tx.db).filter(\.$tokenID == tokenID)
                .filter(\.$createdAt > now.addingTimeInterval(-3_600)).count()
            guard lastHour < PortalLimits.submissionsPerLinkPerHour else {
                throw PortalRefusal(
                    form, field: nil, "too_many_submissions",
                    ["count": .number(PortalLimits.submissionsPerLinkPerHour)], status: .tooManyRequests)
            }
            // What no limit counts any more, except the record of promises made here.
            try await PortalSubmission.query(on: tx.db).filter(\.$tokenID == tokenID).filter(
                \.$createdAt < now.addingTimeInterval(-2 * 86_400)
            )
            .group(.or) { $0.filter(\.$form != .promise).filter(\.$accepted == false) }.delete()
            let submission = PortalSubmission()
            submission.organisationID = tx.organisationID
            submission.tokenID = tokenID
            submission.customerID = try access.customer.requireID()
            submission.form = form
            submission.accepted = false
            submission.createdAt = now
            try await submission.create(on: tx.db)
            return submission
        }
    }

    /// Inside the action's transaction, before it acts: a dispute or plan request past
    /// `requestsPerLinkPerDay` accepted in the last 24 hours is refused (429).
    static func checkDailyRequests(_ submission: PortalSubmission, in context: ServiceContext) async throws {
        guard PortalForm.answeredByHand.contains(submission.form) else { return }
        let now = context.clock.now()
        try await lock(submission.tokenID, now: now, on: context.db)
        let lastDay = try await PortalSubmission.query(on: context.db).filter(\.$tokenID == submission.tokenID)
            .filter(\.$form ~~ PortalForm.answeredByHand).filter(\.$accepted == true)
            .filter(\.$createdAt > now.addingTimeInterval(-86_400)).count()
        guard lastDay < PortalLimits.requestsPerLinkPerDay else {
            throw PortalRefusal(
                submission.form, field: nil, "too_many_requests",
                ["count": .number(PortalLimits.requestsPerLinkPerDay)], status: .tooManyRequests)
        }
    }

    /// In the action's transaction, once it acted: the post counts as accepted.
    static func accepted(_ submission: PortalSubmission, subject: UUID?, in context: ServiceContext) async throws {
        submission.accepted = true
        submission.subjectID = subject
        try await submission.save(on: context.db)
    }

    /// Promises made on the portal that are still active, of one customer.
    static func activePortalPromise(customerID: UUID, on db: any Database) async throws -> PaymentPromise? {
        let made = try await PortalSubmission.query(on: db).filter(\.$customerID == customerID).filter(
            \.$form == .promise
        )
        .filter(\.$accepted == true).all().compactMap(\.subjectID)
        guard !made.isEmpty else { return nil }
        return try await PaymentPromise.query(on: db).filter(\.$id ~~ made).filter(\.$status == .active).sort(
            \.$promisedOn
        ).first()
    }

    private static func lock(_ tokenID: UUID, now: Date, on db: any Database) async throws {
        try await PortalToken.query(on: db).filter(\.$id == tokenID).set(\.$lastUsedAt, to: now).update()
    }
}
