import CarteraCore
import Fluent
import Vapor

/// Bank statement import and the review queue of lines nobody could match automatically.
struct ReconciliationController {
    /// The file is the raw body; `format` (camt053, mt940, csv), `preset` and `account` (for CSV) in the query.
    func importStatement(req: Request) async throws -> Response {
        let format = try FieldParser.enumValue(
            try FieldParser.required(try? req.query.get(String.self, at: "format"), "format"), StatementFormat.self,
            "format")
        let context = try await req.serviceContext()
        let upload = try await StreamedUpload.receive(req)
        defer { upload.remove() }
        guard upload.byteCount > 0 else {
            throw APIError(.badRequest, code: "missing_body", message: "Send the statement file as the request body")
        }
        let report = try await Reconciliation.importStatement(
            try upload.data(), format: format, csvPreset: try? req.query.get(String.self, at: "preset"),
            account: try? req.query.get(String.self, at: "account"),
            fileName: (try? req.query.get(String.self, at: "file_name")) ?? "api", in: context)
        return try await report.encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [BankTransactionDTO] {
        let context = try await req.serviceContext()
        let status =
            try (try? req.query.get(String.self, at: "status")).map {
                try FieldParser.enumValue($0, BankTransactionStatus.self, "status")
            } ?? .review
        return try await BankTransaction.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == status)
            .sort(\.$bookingDate, .descending).limit(500).all().map(BankTransactionDTO.init)
    }

    struct MatchInput: Content {
        var customerId: UUID?
        var allocations: [AllocationInput]?
    }

    func match(req: Request) async throws -> BankTransactionDTO {
        let input = try req.decodeBody(MatchInput.self)
        let context = try await req.serviceContext()
        return try BankTransactionDTO(
            try await Reconciliation.resolve(
                try await find(req, context), customerID: input.customerId, allocations: input.allocations, in: context)
        )
    }

    func ignore(req: Request) async throws -> BankTransactionDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        return try BankTransactionDTO(
            try await Reconciliation.ignore(try await find(req, context), reason: input.reason, in: context))
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> BankTransaction {
        try await Reconciliation.find(try req.uuidParameter("transactionID", entity: "bank_transaction"), in: context)
    }
}

struct BankTransactionDTO: Content {
    let id: UUID
    let bookingDate: String
    let currency: String
    let amount: String
    let bankReference: String?
    let remittanceText: String
    let counterpartyName: String?
    let counterpartyAccount: String?
    let status: String
    let matchRule: String
    let confidence: Int
    let customerId: UUID?
    let paymentId: UUID?
    let note: String

    init(_ transaction: BankTransaction) throws {
        id = try transaction.requireID()
        bookingDate = transaction.bookingDate
        currency = transaction.currency
        amount =
            Money(minorUnits: transaction.amountMinor, currency: try Currency(code: transaction.currency)).decimalString
        bankReference = transaction.bankReference
        remittanceText = transaction.remittanceText
        counterpartyName = transaction.counterpartyName
        counterpartyAccount = transaction.counterpartyAccount
        status = transaction.status.rawValue
        matchRule = transaction.matchRule
        confidence = transaction.confidence
        customerId = transaction.customerID
        paymentId = transaction.paymentID
        note = transaction.note
    }
}
