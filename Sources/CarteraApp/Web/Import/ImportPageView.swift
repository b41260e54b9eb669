import CarteraCore
import Vapor

/// Builds `ImportPageContext` in the page's language.
enum ImportPageView {
    static func context(
        _ req: Request, settings: ImportSettings?,
        preview: (id: String, upload: ImportUploads.Upload, report: ImportReport?, started: Bool)? = nil
    ) -> ImportPageContext {
        let chosen = settings ?? ImportSettings(kind: .invoices)
        var context = ImportPageContext(
            kinds: ImportKind.allCases.map {
                .init(value: $0.rawValue, label: req.text("import.kind.\($0.rawValue)"), selected: $0 == chosen.kind)
            },
            presets: ImportSettings.Preset.allCases.map {
                .init(
                    value: $0.rawValue, label: req.text("import.preset.\($0.rawValue)"), selected: $0 == chosen.preset)
            },
            locales: ["", "es", "en"].map {
                .init(
                    value: $0, label: req.text("import.locale.\($0.isEmpty ? "auto" : $0)"),
                    selected: $0 == (chosen.locale?.rawValue ?? ""))
            })
        guard let preview else { return context }
        let report = preview.report
        let summary = report?.summary
        let language = req.pageLanguage
        context.preview = .init(
            id: preview.id, fileName: preview.upload.fileName, kind: req.text("import.kind.\(chosen.kind.rawValue)"),
            encoding: summary?.encoding.rawValue ?? "",
            delimiter: summary.map { $0.delimiter == "\t" ? "TAB" : String($0.delimiter) } ?? "",
            columns: (summary?.columns ?? []).map { column in
                ImportPageContext.Column(
                    index: column.index, header: column.header,
                    options: [
                        ImportPageContext.Option(
                            value: "", label: req.text("import.ignore"), selected: column.field == nil)
                    ]
                        + chosen.kind.fields.map {
                            ImportPageContext.Option(
                                value: $0.rawValue, label: req.text("import.field.\($0.rawValue)"),
                                selected: column.field == $0)
                        })
            },
            rows: summary?.rows ?? 0, valid: summary?.imported ?? 0, skipped: summary?.skipped ?? 0,
            errorCount: report?.errorCount ?? 0,
            errors: (report?.problems ?? []).prefix(ImportPageContext.shownErrors).map {
                .init(
                    line: $0.line, column: $0.column ?? "",
                    message: $0.message(req.application.localizer, language: language))
            },
            errorsNote: req.text(
                "import.errors_shown",
                [
                    "shown": String(min(report?.problems.count ?? 0, ImportPageContext.shownErrors)),
                    "total": String(report?.errorCount ?? 0),
                ]),
            summary: report.map { summaryText(req, $0) } ?? "",
            clean: report?.isClean ?? false, started: preview.started, links: .init(preview.id))
        return context
    }

    private static func summaryText(_ req: Request, _ report: ImportReport) -> String {
        let counts = report.created
        return req.text(
            "import.would.\(report.kind.rawValue)",
            [
                "customers": String(counts.customersCreated), "matched": String(counts.customersMatched),
                "contacts": String(counts.contacts),
                "invoices": String(counts.invoices), "payments": String(counts.payments),
                "settled": String(counts.openingSettlements),
            ])
    }
}
