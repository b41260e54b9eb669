import CarteraCore
import Fluent
import Foundation
import Vapor

/// `cartera bench-matching --invoices 100000 --lines 10000`: generates a ledger in the configured
/// (scratch) database and times bank reconciliation's matching: reading the open invoices and
/// customers, building the matcher's indexes, and matching every statement line.
struct BenchMatchingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "invoices", help: "Open invoices to generate (default 100000)")
        var invoices: Int?
        @Option(name: "lines", help: "Statement lines to match (default 10000)")
        var lines: Int?
    }

    var help: String { "Times statement matching against a generated ledger (benchmark, not a test)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.invoices ?? 100_000
        let lineCount = signature.lines ?? 10_000
        guard (100...2_000_000).contains(count) else {
            throw CommandArgumentError(field: "--invoices", message: "must be between 100 and 2000000")
        }
        guard (1...1_000_000).contains(lineCount) else {
            throw CommandArgumentError(field: "--lines", message: "must be between 1 and 1000000")
        }
        let service = try await SyntheticLedger.scratchOrganisation(app: app, command: "bench-matching")
        let organisation = service.organisation
        let generated = Date()
        try await SyntheticLedger.generate(
            invoices: count, organisationID: try organisation.requireID(), today: service.today, withHistory: false,
            on: app.db)
        context.console.print(
            "Generated \(count) open invoices in \(String(format: "%.1f", Date().timeIntervalSince(generated))) s")

        let invoices = try await Invoice.query(on: app.db).limit(lineCount).all()
        let lines = try invoices.enumerated().map { index, invoice in
            try Self.line(index, invoice, today: service.today)
        }
        var started = DispatchTime.now()
        let matcher = try await Reconciliation.matcher(for: lines, in: service)
        let loaded = milliseconds(since: started)
        started = DispatchTime.now()
        let matches = matcher.matchAll(lines)
        let matched = milliseconds(since: started)
        let confident = matches.filter { !$0.needsReview }.count
        context.console.print(
            "bank matching, \(lineCount) lines against \(count) open invoices: load and index \(Int(loaded)) ms, match \(Int(matched)) ms, total \(Int(loaded + matched)) ms; \(confident) confident, \(lineCount - confident) to review"
        )
    }

    /// Three kinds of lines: the invoice number in the text, the customer's name with the exact
    /// amount, and transfers nobody can place.
    static func line(_ index: Int, _ invoice: Invoice, today: LocalDate) throws -> BankStatementLine {
        let text: String
        let payer: String
        let amount: Money
        switch index % 3 {
        case 0: (text, payer, amount) = ("PAGO FACTURA \(invoice.number)", "CLIENTE", try invoice.balance)
        case 1: (text, payer, amount) = ("ABONO", "CLIENTE \(index % 10_000) SAS", try invoice.balance)
        default:
            (text, payer, amount) = (
                "TRANSFERENCIA \(index)", "DESCONOCIDO \(index)",
                Money(minorUnits: 1_234_00 + Int64(index), currency: .cop)
            )
        }
        return BankStatementLine(
            bookingDate: today, valueDate: today, amount: amount, bankReference: "BENCH-\(index)", endToEndID: nil,
            structuredReference: nil, remittanceText: text, counterpartyName: payer, counterpartyAccount: nil)
    }

    private func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}
