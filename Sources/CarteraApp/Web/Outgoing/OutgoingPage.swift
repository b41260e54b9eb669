import CarteraCore
import Vapor

/// GET /outgoing — what the next run will send, customer by customer (the dry run of that day, held
/// messages with their reason), "skip this time" per customer, and the organisation-wide pause.
struct OutgoingPage {
    struct Context: Encodable {
        struct Invoice: Encodable {
            let number: String
            let url: String
            let balance: String
        }
        struct Row: Encodable {
            let customerId: String
            let customer: String
            let customerURL: String
            let channel: String
            let template: String
            let invoices: [Invoice]
            /// "and 12 more" when the message lists more invoices than the page shows.
            let more: String?
            let total: String
            let policy: String
            let held: String?
        }
        struct Skipped: Encodable {
            let customerId: String
            let customer: String
        }

        static let invoicesShown = 3

        let runDay: String
        let nextRun: String
        let schedulerOff: String?
        let pausedBanner: String?
        let statementWarning: String?
        let count: String
        let rows: [Row]
        let skipped: [Skipped]
        /// The run day the skip forms name (ISO, a form value).
        let date: String
        /// The earliest resume day the pause form accepts.
        let pauseMin: String
        let pausedUntil: String?
        let skipURL = AppURL.outgoingSkip
        let undoSkipURL = AppURL.outgoingUndoSkip
        let pauseURL = AppURL.outgoingPause
    }

    struct SkipForm: Content {
        var customerId: String?
        var date: String?
        enum CodingKeys: String, CodingKey { case customerId = "customer_id", date }
    }

    struct PauseForm: Content {
        var pausedUntil: String?
        enum CodingKeys: String, CodingKey { case pausedUntil = "paused_until" }
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await OutgoingPageData.read(in: context, schedule: req.application.reminderSchedule)
        return try await req.render(
            "outgoing/index", title: "outgoing.title", section: "outgoing",
            try Context(
                data: data, format: context.pageFormat(language: req.pageLanguage), csrfDate: data.next.date.iso))
    }

    static func skip(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let (customerID, date) = try skipTarget(req)
        try await HoldService.skip(customerID: customerID, on: date, in: context)
        return try await done(req, customerID, date, "flash.run_skipped", in: context)
    }

    static func undoSkip(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let (customerID, date) = try skipTarget(req)
        try await HoldService.undoSkip(customerID: customerID, on: date, in: context)
        return try await done(req, customerID, date, "flash.run_skip_undone", in: context)
    }

    /// Pauses until the day given, or resumes now when it is empty: the organisation's settings action.
    static func pause(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(PauseForm.self)
        let until = form.pausedUntil?.trimmingCharacters(in: .whitespaces) ?? ""
        let organisation = try await OrganisationService.update(OrganisationUpdate(pausedUntil: until), in: context)
        req.session.flash(
            until.isEmpty
                ? req.text("flash.resumed")
                : req.text(
                    "flash.paused",
                    ["date": context.pageFormat(language: req.pageLanguage).date(organisation.pausedUntil)]))
        return req.redirect(to: AppURL.outgoing)
    }

    private static func skipTarget(_ req: Request) throws -> (UUID, LocalDate) {
        let form = try req.content.decode(SkipForm.self)
        guard let id = form.customerId.flatMap(UUID.init(uuidString:)) else {
            throw ServiceError.invalid("customer_id", "customer_id must be a customer's id")
        }
        return (id, try FieldParser.date(FieldParser.required(form.date, "date"), "date"))
    }

    private static func done(
        _ req: Request, _ customerID: UUID, _ date: LocalDate, _ key: String, in context: ServiceContext
    ) async throws -> Response {
        let customer = try await CustomerService.find(customerID, in: context)
        req.session.flash(
            req.text(
                key,
                ["customer": customer.legalName, "date": context.pageFormat(language: req.pageLanguage).date(date)]))
        return req.redirect(to: AppURL.outgoing)
    }
}
