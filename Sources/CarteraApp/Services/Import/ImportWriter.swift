import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The second pass, inside the import's transaction and only after a clean check: the customers the
/// file brings, then its records in multi-row INSERTs. Reads the file again rather than keeping rows.
/// Writes no reminder, message or per-row audit event: importing history notifies nobody.
struct ImportWriter {
    let context: ServiceContext
    let directory: ImportDirectory
    let total: Int
    let progress: ImportProgressSink?

    private var sql: any SQLDatabase { context.db as! any SQLDatabase }
    private var now: Date { context.clock.now() }

    func write(_ data: Data, settings: ImportSettings, options: ImportOptions) async throws {
        try await ImportCustomerRows.create(directory.newCustomers, codeAssignments: directory.codeAssignments, in: context)
        guard settings.kind != .customers else { return }
        var reader = ImportReader(bytes: data, kind: settings.kind, mapping: settings.mapping(), options: options)
        var batches = Batches()
        var done = 0
        while let outcome = reader.next() {
            guard case .record(let record) = outcome else { continue }
            try add(record, to: &batches)
            done += 1
            if batches.isFull { try await batches.flush(on: sql, at: now) }
            if done % ImportProgressSink.step == 0 { progress?.wrote(done, of: total) }
        }
        try await batches.flush(on: sql, at: now)
        progress?.wrote(done, of: total)
    }

    private func add(_ record: ImportedRecord, to batches: inout Batches) throws {
        let organisationID = context.organisationID
        switch record {
        case .customer:
            break
        case .contact(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line)
            batches.contacts.append([.uuid(UUID.random()), .uuid(customer), .text(row.name ?? row.email ?? row.phone ?? ""),
                                     .text(ImportContactRole.role(row.role).rawValue), .text(row.email), .text(row.phone), .date(now), .date(now)])
        case .invoice(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line)
            let rows = ImportInvoiceRows.row(row, customerID: customer, organisationID: organisationID, today: context.today,
                                             note: ImportInvoiceRows.openingNote(locale: context.organisation.locale), now: now)
            batches.invoices.append(rows.invoice)
            if let payment = rows.payment, let allocation = rows.allocation {
                batches.payments.append(payment)
                batches.allocations.append(allocation)
            }
        case .payment(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line)
            let paymentID = UUID.random()
            let invoice = row.invoiceNumber.flatMap { directory.invoices[$0] }
            let allocated = invoice == nil ? 0 : row.amount.minorUnits
            batches.payments.append([.uuid(paymentID), .uuid(organisationID), .uuid(customer), .text(row.paidDate.iso), .text(row.amount.currency.code),
                                     .integer(row.amount.minorUnits), .integer(allocated), .text(PaymentMethod.other.rawValue), .text(row.reference),
                                     .text(""), .date(now), .date(now)])
            if let invoice {
                batches.allocations.append([.uuid(UUID.random()), .uuid(organisationID), .uuid(invoice.id), .text(InvoiceSettlement.Kind.payment.rawValue),
                                            .uuid(paymentID), .integer(row.amount.minorUnits), .text(row.paidDate.iso), .date(now)])
                batches.touchedInvoices.insert(invoice.id)
            }
        }
    }

    private func resolve(_ code: String?, _ name: String?, line: Int) throws -> UUID {
        // The check pass made sure every row's customer is known; a miss here is a bug, and rolls back.
        guard let id = directory.customer(code: code, name: name) else {
            throw APIError(.internalServerError, code: "import_inconsistent", message: "line \(line): customer not found in the second pass")
        }
        return id
    }
}

/// The pending rows of each table, flushed together in foreign-key order.
private struct Batches {
    var contacts = SQLBatch(Contact.schema, ["id", "customer_id", "name", "role", "email", "phone", "created_at", "updated_at"])
    var invoices = SQLBatch(Invoice.schema, ImportInvoiceRows.invoiceColumns)
    var payments = SQLBatch(Payment.schema, ImportInvoiceRows.paymentColumns)
    var allocations = SQLBatch(Allocation.schema, ImportInvoiceRows.allocationColumns)
    /// Invoices that payments of this batch settle: their stored balance and status follow.
    var touchedInvoices: Set<UUID> = []

    var isFull: Bool { contacts.isFull || invoices.isFull || payments.isFull || allocations.isFull }

    mutating func flush(on sql: any SQLDatabase, at now: Date) async throws {
        try await contacts.flush(on: sql)
        try await invoices.flush(on: sql)
        try await payments.flush(on: sql)
        try await allocations.flush(on: sql)
        if !touchedInvoices.isEmpty {
            try await ImportSettlement.refresh(Array(touchedInvoices), at: now, on: sql)
            touchedInvoices.removeAll(keepingCapacity: true)
        }
    }
}
