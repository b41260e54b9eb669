import CarteraCore

/// The one-paragraph summary of an import, as the CLI prints it.
enum ImportReportText {
    static func summary(_ report: ImportReport) -> String {
        let summary = report.summary
        let counts = report.created
        var lines = [
            "\(report.kind.rawValue): \(summary.rows) row(s) read (header on line \(summary.headerLine.map(String.init) ?? "?"), \(summary.encoding.rawValue), delimiter \"\(summary.delimiter)\"), \(summary.skipped) skipped (totals, headings), \(report.errorCount) error(s)"
        ]
        let verb = report.dryRun ? "would import" : "imported"
        switch report.kind {
        case .customers:
            lines.append(
                "\(verb): \(counts.customersCreated) new customer(s), \(counts.customersMatched) already known")
        case .contacts: lines.append("\(verb): \(counts.contacts) contact(s)")
        case .invoices:
            lines.append(
                "\(verb): \(counts.invoices) invoice(s) (\(counts.openingSettlements) paid in part or in full before), \(counts.customersCreated) new customer(s)"
            )
        case .payments: lines.append("\(verb): \(counts.payments) payment(s)")
        }
        if !summary.ignoredColumns.isEmpty {
            lines.append("ignored columns: " + summary.ignoredColumns.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
