import CarteraCore
import Vapor

/// The letters to print and post, for signed-in people: `/letters` lists those waiting (each dated the day it
/// was queued, its postal address or a warning that it is missing), `/letters/{id}` shows one as it will be
/// printed, `/letters/print` and `/letters/{id}/print` are the documents to print (one page per letter, no
/// navigation). Everyone signed in may read and print them; collectors mark them posted, through
/// `LetterService` as the API's `POST /api/v1/outbox/{id}/posted` does.
struct LettersPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let url: String
            let printURL: String
            let postedURL: String
            let queuedOn: String
            let customer: String
            let customerURL: String
            let recipient: String
            let subject: String
            let address: String
            let addressMissing: Bool
            let editCustomerURL: String
        }
        struct Posted: Encodable {
            let url: String
            let customer: String
            let subject: String
            let status: String
        }

        let rows: [Row]
        let count: String
        let missingAddresses: String?
        let posted: [Posted]
        let printURL = AppURL.lettersPrint
        let settingsURL = AppURL.settingsLetters
    }

    /// One letter on the page, as it will be printed.
    struct LetterContext: Encodable {
        let letters: [LetterSheet]
        let subject: String
        let customer: String
        let customerURL: String
        let status: String
        let statusLabel: String
        let printURL: String
        let postedURL: String?
        let messageURL: String
        let backURL = AppURL.letters
    }

    /// The document to print: the letters, and the form that marks exactly these posted.
    struct PrintContext: Encodable {
        let letters: [LetterSheet]
        let ids: [String]
        let count: String
        let postedURL = AppURL.lettersPosted
        let backURL: String
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await LettersPageData.queue(in: context)
        return try await req.render(
            "letters/index", title: "letters.title", section: "letters",
            Context(data: data, format: context.pageFormat(language: req.pageLanguage), timeZone: context.timeZone))
    }

    static func show(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await LettersPageData.one(try letterID(req), in: context)
        guard let (letter, customer) = data.sheets.first else { throw ServiceError.notFound("letter") }
        let format = context.pageFormat(language: req.pageLanguage)
        let id = try letter.requireID()
        return try await req.render(
            "letters/show", title: "letters.letter_title", section: "letters",
            LetterContext(
                letters: [try sheet(letter, customer, in: context)], subject: letter.subject,
                customer: customer.legalName, customerURL: AppURL.customer(letter.$customer.id),
                status: letter.status.rawValue, statusLabel: status(letter, format: format, timeZone: context.timeZone),
                printURL: AppURL.letterPrint(id), postedURL: letter.status == .ready ? AppURL.letterPosted(id) : nil,
                messageURL: AppURL.message(id)))
    }

    static func printAll(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        return try await printDocument(try await LettersPageData.queue(in: context), back: AppURL.letters, req, context)
    }

    static func printOne(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let id = try letterID(req)
        return try await printDocument(
            try await LettersPageData.one(id, in: context), back: AppURL.letter(id), req, context)
    }

    struct PostedForm: Content {
        var letter: [String]?
    }

    /// The printed letters, handed to the post: the ids the print document listed.
    static func markPosted(req: Request) async throws -> Response {
        let ids = try (try req.content.decode(PostedForm.self).letter ?? []).map {
            try UUID(uuidString: $0) ?? { throw ServiceError.invalid("letter", "letter is not an id") }()
        }
        return try await posted(ids, req)
    }

    static func markOnePosted(req: Request) async throws -> Response {
        try await posted([try letterID(req)], req)
    }

    private static func posted(_ ids: [UUID], _ req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let letters = try await LetterService.markPosted(LettersPostedInput(messageIds: ids), in: context)
        let key = letters.count == 1 ? "flash.letter_posted" : "flash.letters_posted"
        req.session.flash(
            req.text(key, ["count": context.pageFormat(language: req.pageLanguage).integer(Int64(letters.count))]))
        return req.redirect(to: AppURL.letters)
    }

    private static func printDocument(
        _ data: LettersPageData, back: String, _ req: Request, _ context: ServiceContext
    ) async throws -> Response {
        let sheets = try data.sheets.map { try sheet($0.letter, $0.customer, in: context) }
        let ready = data.sheets.filter { $0.letter.status == .ready }
        return try await req.render(
            "letters/print", title: "letters.print_title", section: "letters",
            PrintContext(
                letters: sheets, ids: try ready.map { try $0.letter.requireID().uuidString },
                count: context.pageFormat(language: req.pageLanguage).integer(Int64(ready.count)), backURL: back))
    }

    /// The letter in its customer's language, the language its text was written in.
    private static func sheet(_ letter: OutboxMessage, _ customer: Customer, in context: ServiceContext) throws
        -> LetterSheet
    {
        try LetterSheet(
            letter: letter, customer: customer, organisation: context.organisation,
            format: context.pageFormat(language: customer.language))
    }

    /// "Lista para imprimir", "Enviada por correo postal el 3 dic 2026", or the message's state.
    static func status(_ letter: OutboxMessage, format: PageFormat, timeZone: TimeZone) -> String {
        switch letter.status {
        case .ready: format.text("letters.status.ready")
        case .posted:
            format.text(
                "letters.status.posted",
                ["date": letter.sentAt.map { format.date(LocalDate.today(at: $0, in: timeZone)) } ?? ""])
        case .pending, .sending, .sent, .failed, .cancelled:
            format.text("message.status.\(letter.status.rawValue)")
        }
    }

    private static func letterID(_ req: Request) throws -> UUID {
        try req.uuidParameter("messageID", entity: "letter")
    }
}
