import CarteraCore
import Foundation

/// Checks a file's records: the core reader's row errors, then each good record against the
/// organisation (`ImportDirectory`), registering the customers the file brings so that later rows
/// find them. Holds no rows: only the directory and the errors grow. `run` is the dry run; a commit
/// drives `start`, `check` and `finish` itself and writes each good record as it goes.
struct ImportCheck {
    var directory: ImportDirectory
    let organisationCurrency: String
    let today: LocalDate
    var counts = ImportCounts()
    /// How the file's tax ids are checked and stored (`TaxID`): the organisation's usual kind.
    var taxIDKind = TaxID.Kind.other
    /// Field → the column header the person sees (the database checks know only the field).
    private var headers: [String: String] = [:]

    init(directory: ImportDirectory, organisationCurrency: String, today: LocalDate) {
        self.directory = directory
        self.organisationCurrency = organisationCurrency
        self.today = today
    }

    mutating func run(_ data: Data, settings: ImportSettings, options: ImportOptions, progress: ImportProgressSink?)
        -> ImportReport
    {
        var reader = ImportReader(bytes: data, kind: settings.kind, mapping: settings.mapping(), options: options)
        var report = start(reader)
        while let outcome = reader.next() {
            _ = check(outcome, in: &report)
            if reader.summary.rows % ImportProgressSink.step == 0 { progress?.checked(reader.summary.rows) }
        }
        finish(reader, &report)
        return report
    }

    /// A report for the reader's file, with its file-level errors.
    mutating func start(_ reader: ImportReader) -> ImportReport {
        var report = ImportReport(kind: reader.kind, dryRun: true, summary: reader.summary)
        reader.fileErrors.forEach { report.add(ImportProblem($0)) }
        headers = Dictionary(
            reader.summary.columns.compactMap { column in column.field.map { ($0.rawValue, column.header) } }
        ) { first, _ in first }
        return report
    }

    /// One outcome of the reader, checked; the record when it is good.
    mutating func check(_ outcome: ImportOutcome, in report: inout ImportReport) -> ImportedRecord? {
        switch outcome {
        case .record(let record):
            let problems = check(record)
            for var problem in problems {
                problem.column = problem.column ?? problem.field.flatMap { headers[$0] }
                report.add(problem)
            }
            return problems.isEmpty ? record : nil
        case .rejected(let errors):
            errors.forEach { report.add(ImportProblem($0)) }
            return nil
        case .skipped:
            return nil
        }
    }

    func finish(_ reader: ImportReader, _ report: inout ImportReport) {
        report.summary = reader.summary
        report.created = counts
    }

    private mutating func check(_ record: ImportedRecord) -> [ImportProblem] {
        switch record {
        case .customer(let row):
            var taxID: String?
            if let typed = row.taxID {
                do { taxID = try TaxID(typed, kind: taxIDKind).canonical } catch {
                    let code = (error as? DomainError)?.code ?? "invalid_tax_id"
                    return [
                        ImportProblem(
                            line: row.line, column: nil, field: .taxID, code: code, parameters: ["value": typed])
                    ]
                }
            }
            let new = ImportDirectory.NewCustomer(
                id: UUID.random(), name: row.name, code: row.code, taxID: taxID, email: row.email, phone: row.phone,
                currency: row.currency?.code ?? organisationCurrency, creditLimitMinor: row.creditLimit?.minorUnits,
                paymentTerms: row.paymentTerms?.code ?? PaymentTerms.net30.code)
            if directory.register(new).created { counts.customersCreated += 1 } else { counts.customersMatched += 1 }
            return []
        case .contact(let row):
            var problems: [ImportProblem] = []
            if directory.customer(code: row.customerCode, name: row.customerName) == nil {
                problems.append(unknownCustomer(row.line, row.customerCode, row.customerName))
            }
            if row.email == nil && row.phone == nil {
                problems.append(
                    ImportProblem(
                        line: row.line, column: nil, field: .email, code: "missing_value",
                        messageKey: "contact_needs_channel"))
            }
            if problems.isEmpty { counts.contacts += 1 }
            return problems
        case .invoice(let row):
            return checkInvoice(row)
        case .payment(let row):
            return checkPayment(row)
        }
    }

    private mutating func checkInvoice(_ row: ImportedInvoice) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        if directory.invoiceNumbers.contains(row.number) {
            problems.append(
                ImportProblem(
                    line: row.line, column: nil, field: .invoiceNumber, code: "duplicate_invoice_number",
                    parameters: ["value": row.number], messageKey: "duplicate_invoice_number_existing"))
        }
        let terms = ImportInvoiceRows.terms(issued: row.issueDate, due: row.dueDate)
        if directory.customer(code: row.customerCode, name: row.customerName) == nil {
            if let name = row.customerName {
                _ = directory.register(
                    .init(
                        id: UUID.random(), name: name, code: row.customerCode, currency: row.total.currency.code,
                        paymentTerms: terms))
                counts.customersCreated += 1
            } else {
                problems.append(unknownCustomer(row.line, row.customerCode, nil))
            }
        }
        if problems.isEmpty {
            counts.invoices += 1
            if row.openBalance.minorUnits < row.total.minorUnits { counts.openingSettlements += 1 }
        }
        return problems
    }

    private mutating func checkPayment(_ row: ImportedPayment) -> [ImportProblem] {
        guard let customer = directory.customer(code: row.customerCode, name: row.customerName) else {
            return [unknownCustomer(row.line, row.customerCode, row.customerName)]
        }
        if row.paidDate > today {
            return [
                ImportProblem(
                    line: row.line, column: nil, field: .paidDate, code: "date_in_future",
                    parameters: ["value": row.paidDate.iso])
            ]
        }
        if let number = row.invoiceNumber {
            guard var invoice = directory.invoices[number], invoice.customerID == customer else {
                return [
                    ImportProblem(
                        line: row.line, column: nil, field: .invoiceNumber, code: "unknown_invoice",
                        parameters: ["value": number])
                ]
            }
            guard invoice.isOpen else {
                return [
                    ImportProblem(
                        line: row.line, column: nil, field: .invoiceNumber, code: "invoice_not_open",
                        parameters: ["value": number])
                ]
            }
            guard invoice.currency == row.amount.currency.code else {
                return [
                    ImportProblem(
                        line: row.line, column: nil, field: .currency, code: "currency_mismatch",
                        parameters: ["value": row.amount.currency.code, "expected": invoice.currency])
                ]
            }
            guard row.amount.minorUnits <= invoice.balance else {
                let owed = Money(minorUnits: invoice.balance, currency: row.amount.currency).decimalString
                return [
                    ImportProblem(
                        line: row.line, column: nil, field: .amount, code: "payment_exceeds_balance",
                        parameters: ["value": row.amount.decimalString, "balance": owed, "invoice": number])
                ]
            }
            invoice.balance -= row.amount.minorUnits
            directory.invoices[number] = invoice
        }
        counts.payments += 1
        return []
    }

    private func unknownCustomer(_ line: Int, _ code: String?, _ name: String?) -> ImportProblem {
        ImportProblem(
            line: line, column: nil, field: code != nil ? .customerCode : .customerName, code: "unknown_customer",
            parameters: ["value": code ?? name ?? ""])
    }
}
