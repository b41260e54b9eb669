import CarteraCore
import Foundation
import Vapor

/// `cartera evaluate-predictions [--file F] [--cutoff-percentile 80]`: scores the payment-date model
/// on a held-out, later part of a public dataset (IBM's "Accounts Receivable" sample by default)
/// against the naive "pays on the due date" baseline. Nothing touches the database.
struct EvaluatePredictionsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "file",
            help:
                "The IBM Accounts Receivable CSV (default: ../shared/data/ when present, else data/ibm-accounts-receivable.csv)"
        )
        var file: String?
        @Option(
            name: "cutoff-percentile",
            help: "Invoices dated after this percentile of invoice dates are the test set (default 80)")
        var cutoffPercentile: Int?
    }

    /// Looked for from the working directory and from the checkout this binary was built from, so the
    /// command finds its data wherever it is started.
    static let candidates: [String] = {
        let relative = [
            "../shared/data/WA_Fn-UseC_-Accounts-Receivable.csv", "../shared/data/ibm-accounts-receivable.csv",
            "data/ibm-accounts-receivable.csv",
        ]
        // Sources/CarteraApp/Commands/<this file> → the repository's root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return relative + relative.map { checkout.appendingPathComponent($0).standardizedFileURL.path }
    }()

    var help: String {
        "Scores the payment-date model on a held-out split of a public dataset (MAE in days, share within ±7 days)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let percentile = signature.cutoffPercentile ?? 80
        guard (50...95).contains(percentile) else {
            throw CommandArgumentError(
                field: "--cutoff-percentile", message: "must be between 50 and 95, got \(percentile)")
        }
        guard let path = signature.file ?? Self.candidates.first(where: FileManager.default.fileExists) else {
            throw CommandArgumentError(
                field: "--file", message: "no dataset found; looked for \(Self.candidates.joined(separator: ", "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandArgumentError(field: "--file", message: "cannot read \(path)")
        }
        let records: [IBMReceivablesDataset.Record]
        do { records = try IBMReceivablesDataset.parse(text: String(decoding: data, as: UTF8.self)) } catch {
            throw CommandArgumentError(field: "--file", message: "\(path): \(error)")
        }
        guard
            let evaluation = PredictionEvaluation(history: records.map(\.settledInvoice), cutoffPercentile: percentile)
        else {
            throw CommandArgumentError(
                field: "--file", message: "\(path) has too few invoices before or after the cutoff")
        }
        context.console.print("Dataset: \(path), \(records.count) settled invoices")
        context.console.print(
            "Split by time: trained on the \(evaluation.trainingCount) settled before \(evaluation.cutoff), tested on the \(evaluation.model.count) dated after it"
        )
        context.console.print("")
        context.console.print("model                               MAE (days)   within ±7 days")
        for (name, score) in [
            ("Cartera (customer median, shrunk)", evaluation.model),
            ("pays on the due date (baseline)", evaluation.dueDateBaseline),
        ] {
            let mae = String(format: "%.2f", score.meanAbsoluteError)
            let within = BasisPoints.fixedText(score.withinWeekBasisPoints) + " %"
            context.console.print(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + mae.padding(toLength: 13, withPad: " ", startingAt: 0) + within)
        }
    }
}
