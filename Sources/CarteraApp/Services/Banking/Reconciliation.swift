import CarteraCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Bank statements in, payments out: each new credit line is matched against open invoices
/// (`PaymentMatcher`); confident matches are posted as payments at once, the rest wait in a review
/// queue. A line already imported (same bank reference, or the same movement described the same
/// way) is skipped, so re-importing a file posts nothing new. One transaction per file.
enum Reconciliation {
    struct Report: Content, Equatable {
        var importId: UUID?
        var lines = 0
        var duplicates = 0
        var matched = 0
        var review = 0
        var ignored = 0
    }

    static func importStatement(
        _ data: Data, format: StatementFormat, csvPreset: String? = nil, account: String? = nil,
        fileName: String, in context: ServiceContext
    ) async throws -> Report {
        let currency = try Currency(code: context.organisation.defaultCurrency)
        let statements = try StatementFiles.parse(
            data, format: format, csvPreset: csvPreset, account: account, currency: currency)
        let candidates = identified(statements)
        return try await context.transaction { tx in
            var report = Report(lines: candidates.count)
            let known = try await existingHashes(candidates.map(\.hash), in: tx)
            let fresh = candidates.filter { !known.contains($0.hash) }
            report.duplicates = candidates.count - fresh.count
            let record = StatementImport()
            record.organisationID = tx.organisationID
            record.format = format.rawValue
            record.fileName = String(fileName.prefix(200))
            record.lines = candidates.count
            record.newLines = fresh.count
            record.matched = 0
            record.review = 0
            record.actor = tx.actor.name
            try await record.create(on: tx.db)
            let lines = fresh.map(\.line)
            let matches = try await matcher(for: lines, in: tx).matchAll(lines)
            for (candidate, match) in zip(fresh, matches) {
                let transaction = try await store(candidate, match: match, importID: try record.requireID(), in: tx)
                switch transaction.status {
                case .matched: report.matched += 1
                case .review: report.review += 1
                case .ignored: report.ignored += 1
                }
            }
            record.matched = report.matched
            record.review = report.review
            try await record.save(on: tx.db)
            try await AuditLog.record(
                "statement.imported", entityType: "statement_import", entityID: try record.requireID(),
                details: [
                    "format": format.rawValue, "file": record.fileName, "lines": String(report.lines),
                    "duplicates": String(report.duplicates),
                    "matched": String(report.matched), "review": String(report.review),
                ], in: tx)
            report.importId = try record.requireID()
            return report
        }
    }

    /// A collector says whose money it is: posted as a payment to their invoices (explicit
    /// allocations, or oldest first).
    static func resolve(
        _ transaction: BankTransaction, customerID: UUID?, allocations: [AllocationInput]?, in context: ServiceContext
    ) async throws -> BankTransaction {
        guard transaction.status == .review else {
            throw ServiceError.conflict(
                "transaction_not_in_review", "The line is already \(transaction.status.rawValue)")
        }
        let customer = try await CustomerService.referenced(customerID, in: context)
        return try await context.transaction { tx in
            let payment = try await post(transaction, customer: customer, allocations: allocations, in: tx)
            transaction.status = .matched
            transaction.paymentID = try payment.requireID()
            transaction.customerID = try customer.requireID()
            transaction.note = "matched by \(tx.actor.name)"
            try await transaction.save(on: tx.db)
            try await learnAccount(transaction.counterpartyAccount, of: customer, in: tx)
            return transaction
        }
    }

    static func ignore(_ transaction: BankTransaction, reason: String?, in context: ServiceContext) async throws
        -> BankTransaction
    {
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        guard transaction.status == .review else {
            throw ServiceError.conflict(
                "transaction_not_in_review", "The line is already \(transaction.status.rawValue)")
        }
        transaction.status = .ignored
        transaction.note = why
        return try await context.transaction { tx in
            try await transaction.save(on: tx.db)
            try await AuditLog.record(
                "bank_transaction.ignored", entityType: "bank_transaction", entityID: try transaction.requireID(),
                details: ["reason": why], in: tx)
            return transaction
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> BankTransaction {
        guard
            let transaction = try await BankTransaction.query(on: context.db).filter(\.$id == id)
                .filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("bank_transaction") }
        return transaction
    }

    /// The matcher for these lines: the organisation's customers and the open invoices the lines
    /// can reach, found through indexes (`MatchCandidates`), not every owed invoice.
    static func matcher(for lines: [BankStatementLine], in context: ServiceContext) async throws -> PaymentMatcher {
        try await MatchCandidates.matcher(for: lines, in: context)
    }

    // MARK: - Steps

    struct Candidate {
        let line: BankStatementLine
        let account: String
        let hash: String
    }

    /// Each line's identity; identical lines within one statement are told apart by their order, so a
    /// file with two equal transfers keeps both, and re-importing it still finds both again.
    private static func identified(_ statements: [BankStatement]) -> [Candidate] {
        var candidates: [Candidate] = []
        for statement in statements {
            var seen: [String: Int] = [:]
            for line in statement.lines {
                let identity = line.identity(account: statement.account)
                let occurrence = seen[identity, default: 0]
                seen[identity] = occurrence + 1
                let digest = SHA256.hash(data: Data("\(identity)#\(occurrence)".utf8)).hexEncodedString()
                candidates.append(Candidate(line: line, account: statement.account, hash: digest))
            }
        }
        return candidates
    }

    private static func existingHashes(_ hashes: [String], in context: ServiceContext) async throws -> Set<String> {
        var found = Set<String>()
        for chunk in hashes.chunks(of: 500) {
            let rows = try await BankTransaction.query(on: context.db).filter(
                \.$organisationID == context.organisationID
            )
            .filter(\.$identityHash ~~ chunk).all()
            found.formUnion(rows.map(\.identityHash))
        }
        return found
    }

    private static func store(_ candidate: Candidate, match: PaymentMatch, importID: UUID, in context: ServiceContext)
        async throws -> BankTransaction
    {
        let line = candidate.line
        let transaction = BankTransaction()
        transaction.organisationID = context.organisationID
        transaction.importID = importID
        transaction.identityHash = candidate.hash
        transaction.account = candidate.account
        transaction.bookingDate = line.bookingDate.iso
        transaction.currency = line.amount.currency.code
        transaction.amountMinor = line.amount.minorUnits
        transaction.bankReference = line.bankReference
        transaction.remittanceText = String(
            ([line.structuredReference, line.remittanceText].compactMap { $0 }.joined(separator: " ")).prefix(1_000))
        transaction.counterpartyName = line.counterpartyName
        transaction.counterpartyAccount = line.counterpartyAccount
        transaction.matchRule = match.rule.rawValue
        transaction.confidence = match.confidence
        transaction.customerID = match.customerID
        transaction.proposal = proposalJSON(match)
        transaction.note = match.explanation
        let postable =
            line.isCredit && !match.needsReview && match.customerID != nil && line.bookingDate <= context.today
        if !line.isCredit {
            transaction.status = .ignored
        } else if postable, let customerID = match.customerID,
            let customer = try await Customer.find(customerID, on: context.db)
        {
            let requests = match.allocations.map {
                AllocationInput(invoiceId: $0.invoiceID, amount: $0.amount.decimalString)
            }
            let payment = try await post(transaction, customer: customer, allocations: requests, in: context)
            transaction.status = .matched
            transaction.paymentID = try payment.requireID()
            try await learnAccount(line.counterpartyAccount, of: customer, in: context)
        } else {
            transaction.status = .review
        }
        try await transaction.create(on: context.db)
        return transaction
    }

    private static func post(
        _ transaction: BankTransaction, customer: Customer, allocations: [AllocationInput]?, in context: ServiceContext
    ) async throws -> Payment {
        let amount = Money(minorUnits: transaction.amountMinor, currency: try Currency(code: transaction.currency))
        let reference = transaction.bankReference ?? String(transaction.remittanceText.prefix(140))
        return try await PaymentService.record(
            PaymentInput(
                customerId: try customer.requireID(), receivedOn: transaction.bookingDate, amount: amount.decimalString,
                currency: transaction.currency,
                method: PaymentMethod.transfer.rawValue, reference: reference.isEmpty ? nil : reference,
                notes: "Extracto bancario \(transaction.account) \(transaction.bookingDate)",
                allocations: allocations?.isEmpty == true ? nil : allocations,
                autoAllocate: true), in: context)
    }

    /// Remembers the account a customer paid from, so their next transfer is recognised by it.
    private static func learnAccount(_ account: String?, of customer: Customer, in context: ServiceContext) async throws
    {
        guard let account = account?.trimmingCharacters(in: .whitespaces), account.count >= 5 else { return }
        let known = StoredList<String>.decode(customer.bankAccounts)
        guard !known.contains(account) else { return }
        customer.bankAccounts = StoredList.encode((known + [account]).suffix(10))
        try await customer.save(on: context.db)
    }

    private static func proposalJSON(_ match: PaymentMatch) -> String {
        let object: [String: Any] = [
            "customer_id": match.customerID?.uuidString ?? NSNull(),
            "allocations": match.allocations.map {
                ["invoice_id": $0.invoiceID.uuidString, "amount": $0.amount.decimalString]
            },
            "unallocated": match.unallocated.decimalString,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map {
            String(decoding: $0, as: UTF8.self)
        } ?? "{}"
    }
}
