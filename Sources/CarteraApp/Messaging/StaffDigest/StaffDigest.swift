import CarteraCore
import Fluent
import Foundation
import Vapor

/// One organisation's morning digest: whether it is due now (`StaffDigestDue`), who gets it (enabled
/// collectors and admins who did not turn it off), what it says (the outgoing page's own data and
/// context), and the sending, each person's (person, day) claimed first (`StaffDigestClaims`).
struct StaffDigest {
    let app: Application
    let organisation: Organisation

    /// How many emails went.
    func send() async throws -> Int {
        let organisationID = try organisation.requireID()
        let context = try await ServiceContext.make(
            db: app.db, actor: Actor(organisationID: organisationID, name: BackgroundJobs.actorName), app: app)
        let organisation = context.organisation
        guard organisation.outgoingDigest else { return 0 }
        let schedule = app.reminderSchedule
        let now = app.clock.now()
        let today = context.today
        let calendar = DunningSettings.calendar(of: organisation)
        let next = schedule.next(for: organisation, now: now, calendar: calendar)
        guard
            let due = StaffDigestDue.on(
                today, localHour: BackgroundJobs.localHour(at: now, in: context.timeZone), next: next,
                pausedUntil: organisation.pause(on: today), calendar: calendar)
        else { return 0 }
        let people = try await recipients(of: organisationID, on: today)
        guard !people.isEmpty else { return 0 }
        // The dry run only once someone is still to get today's email: later ticks stop above.
        let data: OutgoingPageData? =
            due == .planned ? try await OutgoingPageData.read(in: context, schedule: schedule) : nil
        if let data, data.report.planned.isEmpty { return 0 }
        var pages: [String: OutgoingPage.Context] = [:]
        var sent = 0
        var customers = 0
        for person in people {
            let language =
                Localizer.supportedLanguages.contains(person.language) ? person.language : organisation.language
            let format = context.pageFormat(language: language)
            let content: StaffDigestEmail.Content
            if let data {
                let page = try pages[language] ?? OutgoingPage.Context(data: data, format: format, csrfDate: today.iso)
                pages[language] = page
                customers = Set(page.rows.map(\.customerId)).count
                guard customers > 0 else { return sent }
                content = .planned(page, customers: customers)
            } else if case .paused(let until) = due {
                content = .paused(until: until)
            } else {
                return sent
            }
            let email = StaffDigestEmail(
                content,
                .init(
                    recipient: person.name, organisation: organisation.name, day: today, reminderHour: next.hour,
                    publicURL: context.publicURL),
                format: format)
            if try await deliver(email, to: person, on: today) { sent += 1 }
        }
        if sent > 0 {
            try await AuditLog.record(
                "staff_digest.sent", entityType: "organisation", entityID: organisationID,
                details: ["count": String(sent)].merging(customers > 0 ? ["customers": String(customers)] : [:]) { $1 },
                in: context)
        }
        return sent
    }

    /// Enabled people of the organisation who work accounts, want the digest and have not had today's.
    private func recipients(of organisationID: UUID, on day: LocalDate) async throws -> [User] {
        let people = try await User.query(on: app.db)
            .filter(\.$organisationID == organisationID)
            .filter(\.$role ~~ Role.allCases.filter(\.collects))
            .filter(\.$disabledAt == nil)
            .filter(\.$outgoingDigest == true)
            .sort(\.$email)
            .all()
        let done = try await StaffDigestClaims.claimed(people.compactMap(\.id), day: day, on: app.db)
        return people.filter { $0.id.map { !done.contains($0) } ?? false }
    }

    /// Claims the person's day, then hands the email over. False: someone else had claimed it, or the
    /// transport refused it.
    private func deliver(_ email: StaffDigestEmail, to person: User, on day: LocalDate) async throws -> Bool {
        guard
            let claim = try await StaffDigestClaims.claim(
                organisationID: person.organisationID, userID: try person.requireID(), day: day,
                now: app.clock.now(), on: app.db)
        else { return false }
        let transports = app.transports
        let message = OutgoingMessage(
            channel: .email, messageID: "<staff-digest-\(claim.uuidString.lowercased())@cartera>",
            fromName: "Cartera", fromAddress: transports.fromAddress, replyTo: nil, toName: person.name,
            toAddress: person.email, subject: email.subject, text: email.text, html: email.html,
            date: app.clock.now())
        do {
            try await transports.email.deliver(message)
        } catch {
            app.logger.warning("Staff digest to \(person.email) not sent: \(error)")
            // A refusal for good (the address) is not retried all day; an outage is, on the next tick.
            if (error as? TransportError)?.isPermanent != true {
                try await StaffDigestClaims.release(claim, on: app.db)
            }
            return false
        }
        try await StaffDigestClaims.markSent(claim, now: app.clock.now(), on: app.db)
        return true
    }
}
