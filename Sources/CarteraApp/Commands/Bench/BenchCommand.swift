import CarteraCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `cartera bench`: generates a large synthetic ledger in the configured (scratch) database and
/// times what a finance team waits for — the day's dunning evaluation, the aging report, the
/// organisation-wide pages (`BenchCommand+Pages`), customer statements, bank matching — each next to
/// one hand-written set-based statement for the same question on the same database in the same run
/// (`SQLBaselines`), whose answer is checked against the app's (`BenchCommand+Checks`). Prints one
/// table; run it with a release build.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "invoices", help: "Invoices to generate (default 1000000; customers are a tenth)")
        var invoices: Int?
        @Option(name: "paid", help: "Of those, invoices paid in full by a payment each (default half)")
        var paid: Int?
        @Option(name: "runs", help: "Timed runs per operation (default 3); the median is reported")
        var runs: Int?
        @Option(
            name: "import-rows",
            help: "Rows of the CSV import timed against the database's bulk loader (default 100000; 0 skips)")
        var importRows: Int?
        @Flag(name: "reuse", help: "Time the ledger an earlier run left in this database instead of generating one")
        var reuse: Bool
    }

    var help: String {
        "Times dunning, aging, the worklist, dashboard, forecast and customer pages, statements and matching on a generated ledger against hand-written SQL (benchmark, not a test)."
    }

    struct Row {
        let operation: String
        let application: Double
        let baseline: Double
        var ratio: Double { baseline > 0 ? application / baseline : 0 }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.invoices ?? 1_000_000
        let paid = signature.paid ?? count / 2
        let runs = signature.runs ?? 3
        guard (1_000...5_000_000).contains(count) else {
            throw CommandArgumentError(field: "--invoices", message: "must be between 1000 and 5000000")
        }
        guard (0...count).contains(paid) else {
            throw CommandArgumentError(field: "--paid", message: "must be between 0 and --invoices")
        }
        guard (1...20).contains(runs) else {
            throw CommandArgumentError(field: "--runs", message: "must be between 1 and 20")
        }
        let importRows = signature.importRows ?? 100_000
        guard (0...2_000_000).contains(importRows) else {
            throw CommandArgumentError(field: "--import-rows", message: "must be between 0 and 2000000")
        }
        let service =
            signature.reuse
            ? try await SyntheticLedger.existingOrganisation(app: app, command: "bench")
            : try await SyntheticLedger.scratchOrganisation(app: app, command: "bench")
        let organisationID = try service.organisation.requireID()
        let today = service.today
        var started = Date()
        let dialect = try app.db.dialect
        let checks = Checks(
            service: service, settings: try await DunningSettings.load(for: service.organisation, on: app.db))
        if !signature.reuse {
            try await SyntheticLedger.generate(
                invoices: count, organisationID: organisationID, today: today, on: app.db)
            try await SyntheticPayments.generate(count: paid, organisationID: organisationID, today: today, on: app.db)
            try await SyntheticFirstContacts.generate(
                organisationID: organisationID, policy: checks.settings.rules(for: nil).policy, on: app.db)
            try await SyntheticDisputes.generate(invoices: count, dunningOn: checks.dunningDay, in: service)
            // As a server would have them: it analyses at start-up and after imports.
            try await DatabaseStatistics.refresh(on: app.db)
            context.console.print(
                "Generated \(count / 10) customers, \(count) invoices, \(paid) payments on \(dialect) in \(String(format: "%.0f", Date().timeIntervalSince(started))) s"
            )
        }
        started = Date()

        let timer = Timer(runs: runs)
        var rows: [Row] = []
        var notes: [String] = []
        rows.append(
            Row(
                operation:
                    "dunning evaluation for \(checks.dunningDay == today ? "today" : "the next working day") (dry run)",
                application: try await timer.median {
                    _ = try await DunningRun.run(on: checks.dunningDay, dryRun: true, in: service)
                },
                baseline: try await timer.median { _ = try await SQLBaselines.dunning(in: checks) }))
        // The same question without batching, the safety check and statements: the pairs alone.
        rows.append(
            Row(
                operation: "dunning, (invoice, step) pairs due",
                application: try await timer.median {
                    _ = try await DunningRun.dueReminders(
                        on: checks.dunningDay, settings: checks.settings, in: service.asOf(checks.dunningDay))
                },
                baseline: try await timer.median { _ = try await SQLBaselines.dunning(in: checks) }))
        rows.append(
            Row(
                operation: "aging report",
                application: try await timer.median {
                    _ = try await AgingQuery.reports(organisationID: organisationID, asOf: today, on: app.db)
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.aging(organisationID: organisationID, today: today, on: app.db)
                }))
        rows += try await pageRows(checks, timer: timer)
        let customers = try await checks.statementCustomers()
        rows.append(
            Row(
                operation: "200 customer statements",
                application: try await timer.median {
                    for customer in customers {
                        _ = try await StatementService.statement(for: customer, asOf: today, in: service)
                    }
                },
                baseline: try await timer.median {
                    for customer in customers {
                        _ = try await SQLBaselines.statement(
                            customerID: try customer.requireID(), organisationID: organisationID, today: today,
                            on: app.db)
                    }
                }))
        let open = try await Invoice.query(on: app.db).filter(\.$organisationID == organisationID).filter(
            \.$status == .open
        ).limit(10_000).all()
        let lines = try open.enumerated().map { try BenchMatchingCommand.line($0, $1, today: today) }
        let references = open.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.number)
        let amounts = open.enumerated().filter { $0.offset % 3 == 1 }.map(\.element.balanceMinor)
        rows.append(
            Row(
                operation: "bank matching, \(lines.count) lines",
                application: try await timer.median {
                    _ = try await Reconciliation.matcher(for: lines, in: service).matchAll(lines)
                },
                baseline: try await timer.median {
                    _ = try await SQLBaselines.matching(
                        organisationID: organisationID, references: references, amounts: amounts, on: app.db)
                }))

        // The baselines answer the app's questions (said when one does not), on the ledger they timed.
        let checked = await checks.lines()
        // The ledger the operations above read; the import below adds to it.
        let invoices = try await Invoice.query(on: app.db).filter(\.$organisationID == organisationID).count()
        if importRows > 0 {
            // A run of its own in the invoice numbers, so that a reused ledger takes the import again.
            let file = try ImportBenchmark.file(
                rows: importRows, run: String(UUID.random().uuidString.prefix(6)),
                in: FileManager.default.temporaryDirectory)
            defer { try? FileManager.default.removeItem(at: file) }
            let loader =
                switch dialect {
                case .sqlite: "sqlite3 .import"
                case .postgresql: "psql \\copy"
                }
            let started = DispatchTime.now()
            try await ImportBenchmark.cartera(file, in: service)
            let imported = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            // The same rows into the real table: the strongest hand-written way to the same result.
            rows.append(
                Row(
                    operation:
                        "CSV import, \(importRows) invoices (vs \(loader), then INSERT … SELECT into the invoices table)",
                    application: imported,
                    baseline: try await ImportBenchmark.baseline(file, app: app, intoInvoices: organisationID) ?? 0))
            // Text into a table with no keys, indexes or checks answers a smaller question: a floor, shown apart.
            let bare = try await ImportBenchmark.baseline(file, app: app) ?? 0
            notes.append(
                "The bulk loader alone (\(loader) into a bare table, no keys or checks): \(Self.format(bare)); "
                    + "the import takes " + String(format: "%.1f", bare > 0 ? imported / bare : 0) + "× as long")
        }

        context.console.print("")
        context.console.print("| operation (\(dialect), \(invoices) invoices) | Cartera | hand-written SQL | ratio |")
        context.console.print("| --- | --- | --- | --- |")
        for row in rows {
            context.console.print(
                "| \(row.operation) | \(Self.format(row.application)) | \(Self.format(row.baseline)) | \(String(format: "%.2f", row.ratio))× |"
            )
        }
        for line in checked + notes { context.console.print(line) }
        context.console.print(
            "(timed in \(String(format: "%.0f", Date().timeIntervalSince(started))) s; median of \(runs) runs; the import once)"
        )
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds >= 1_000 ? String(format: "%.2f s", milliseconds / 1_000) : String(format: "%.1f ms", milliseconds)
    }

    struct Timer {
        let runs: Int
        func median(_ work: () async throws -> Void) async throws -> Double {
            var timings: [Double] = []
            for _ in 0..<runs {
                let started = DispatchTime.now()
                try await work()
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6)
            }
            return timings.sorted()[timings.count / 2]
        }
    }
}
