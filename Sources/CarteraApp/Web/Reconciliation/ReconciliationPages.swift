import CarteraCore
import Fluent
import Vapor

/// GET /reconciliation: upload a bank statement, see recent imports, and place the lines nobody
/// could match — the review queue.
struct ReconciliationPages {
    struct Context: Encodable {
        struct ImportRow: Encodable {
            let at: String
            let file: String
            let format: String
            let lines: Int
            let matched: Int
            let review: Int
        }
        struct Line: Encodable {
            let id: UUID
            let date: String
            let amount: String
            let counterparty: String
            let text: String
            let suggestion: String
            let suggestedCustomerId: String
            let links: LineLinks
        }
        struct LineLinks: Encodable {
            let match: String, ignore: String
            init(_ id: UUID) { (match, ignore) = (AppURL.reconciliationMatch(id), AppURL.reconciliationIgnore(id)) }
        }
        struct Links: Encodable { let upload = AppURL.reconciliationImport }
        typealias Option = SelectOption
        let imports: [ImportRow]
        let lines: [Line]
        let customers: [Option]
        let links = Links()
    }

    func show(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let format = context.pageFormat(language: req.pageLanguage)
        let imports = try await StatementImport.query(on: context.db).filter(
            \.$organisationID == context.organisationID
        )
        .sort(\.$createdAt, .descending).limit(10).all()
        let queue = try await BankTransaction.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .review).sort(\.$bookingDate, .descending).limit(200).all()
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).all()
        let names = Dictionary(uniqueKeysWithValues: try customers.map { (try $0.requireID(), $0.legalName) })
        return try await req.render(
            "reconciliation", title: "reconciliation.title", section: "reconciliation",
            Context(
                imports: imports.map {
                    .init(
                        at: $0.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "", file: $0.fileName,
                        format: $0.format,
                        lines: $0.lines, matched: $0.matched, review: $0.review)
                },
                lines: try queue.map { line in
                    let suggested = line.customerID.flatMap { names[$0] }
                    return .init(
                        id: try line.requireID(), date: format.date(line.bookingDate),
                        amount: format.money(line.amountMinor, line.currency),
                        counterparty: line.counterpartyName ?? "", text: line.remittanceText,
                        suggestion: suggested.map {
                            req.text(
                                "reconciliation.suggestion", ["customer": $0, "confidence": String(line.confidence)])
                        } ?? req.text("reconciliation.no_suggestion"),
                        suggestedCustomerId: line.customerID?.uuidString ?? "", links: .init(try line.requireID()))
                },
                customers: try customers.map { .init(value: try $0.requireID().uuidString, label: $0.legalName) }))
    }

    /// multipart/form-data: `file`, `format` (else guessed from the file name), `preset`.
    func upload(req: Request) async throws -> Response {
        let (file, form) = try await StreamedUpload.receiveForm(req)
        defer { file.remove() }
        try CSRFProtection.verify(form[CSRFProtection.fieldName], for: req)
        let context = try await req.serviceContext()
        let fileName = file.fileName ?? "statement"
        let chosen = form["format"].flatMap { $0.isEmpty ? nil : $0 }
        let format = try FieldParser.enumValue(
            chosen ?? ImportStatementCommand.guessFormat(fileName), StatementFormat.self, "format")
        let report = try await Reconciliation.importStatement(
            try file.data(), format: format, csvPreset: form["preset"].flatMap { $0.isEmpty ? nil : $0 },
            fileName: fileName, in: context)
        req.session.flash(
            req.text(
                "reconciliation.flash.imported",
                [
                    "lines": String(report.lines), "matched": String(report.matched),
                    "review": String(report.review), "duplicates": String(report.duplicates),
                ]))
        return req.redirect(to: AppURL.reconciliation)
    }

    struct MatchForm: Content { var customerId: UUID? }

    func match(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await Reconciliation.resolve(
            try await find(req, context), customerID: try req.content.decode(MatchForm.self).customerId,
            allocations: nil, in: context)
        req.session.flash(req.text("reconciliation.flash.matched"))
        return req.redirect(to: AppURL.reconciliation)
    }

    func ignore(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        _ = try await Reconciliation.ignore(
            try await find(req, context), reason: try req.content.decode(ReasonInput.self).reason, in: context)
        req.session.flash(req.text("reconciliation.flash.ignored"))
        return req.redirect(to: AppURL.reconciliation)
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> BankTransaction {
        try await Reconciliation.find(try req.uuidParameter("transactionID", entity: "bank_transaction"), in: context)
    }
}
