/// The generic layout: Cartera's CSV export of each kind, which `ColumnMapping.generic` reads back.
/// Headers are `ImportField.rawValue`, amounts `Money.decimalString` ("1234.56"), dates ISO.
extension ImportKind {
    /// The export's columns: the kind's fields without the import-only transaction type.
    public var exportFields: [ImportField] { fields.filter { $0 != .transactionType } }

    public var exportHeader: [String] { exportFields.map(\.rawValue) }

    /// A record in the export's column order; fields not given are left empty.
    public func exportRow(_ values: [ImportField: String]) -> [String] {
        exportFields.map { values[$0] ?? "" }
    }
}

extension ImportedInvoice {
    /// The invoice as a generic-layout record, currency included (for round-trip tests).
    var exportValues: [ImportField: String] {
        [
            .customerCode: customerCode ?? "", .customerName: customerName ?? "", .invoiceNumber: number,
            .issueDate: issueDate.iso,
            .dueDate: dueDate.iso, .amount: total.decimalString, .openBalance: openBalance.decimalString,
            .currency: total.currency.code,
            .reference: reference ?? "",
        ]
    }
}
