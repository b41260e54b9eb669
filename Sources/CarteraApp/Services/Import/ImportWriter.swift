import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Writes the good records of an import as they are checked — into the staging tables
/// (`ImportStaging`), in multi-row INSERTs of `SQLBatch.size` rows, each batch its own short write
/// transaction, so other writers get the database between batches. One batch is in the database
/// while the next is read, so parsing and the database share the two cores. `publish` then makes the
/// whole import visible at once. Writes no reminder, message or per-row audit event: importing
/// history notifies nobody.
struct ImportWriter: Sendable {
    let context: ServiceContext
    /// Tags this import's staged rows.
    let importID: String
    private var batches: Batches
    private var inFlight: Task<Void, any Error>?
    /// Existing invoices that payments of the file settle: their balance and status follow at publish.
    private(set) var touchedInvoices: Set<UUID> = []
    private let now: Date
    private let openingNote: String

    /// `context` must not be a transaction: each batch takes its own.
    init(context: ServiceContext, importID: String = UUID().uuidString) {
        self.context = context
        self.importID = importID
        now = context.clock.now()
        openingNote = ImportInvoiceRows.openingNote(language: context.organisation.supportedLocale.language)
        batches = Batches(prefix: [.text(importID), .date(now)])
    }

    /// Queues a checked record; a full batch goes to staging while the caller reads on.
    mutating func write(_ record: ImportedRecord, directory: ImportDirectory) async throws {
        try add(record, directory: directory)
        if batches.isFull { try await send() }
    }

    /// Stages what is queued and waits for the database.
    mutating func finish() async throws {
        try await send()
        try await inFlight?.value
        inFlight = nil
    }

    /// Stops writing (a row error was found): waits for the batch in the database, then drops what
    /// this import staged. Nothing of it was ever visible.
    mutating func abandon() async {
        _ = try? await inFlight?.value
        inFlight = nil
        batches.removeAll()
        let importID = importID
        _ = try? await WriteIntent.transaction(on: context.db) { tx in
            try await ImportStaging.discard(importID, on: tx.sql)
        }
    }

    /// Inside the import's one publishing transaction `tx`: the new customers (with their billing
    /// contacts), the staged rows, the settlement of touched invoices, the codes of matched customers.
    func publish(directory: ImportDirectory, in tx: ServiceContext) async throws {
        let sql = try tx.db.sql
        try await ImportCustomerRows.create(directory.newCustomers, in: tx)
        try await ImportStaging.publish(importID, on: sql)
        let touched = Array(touchedInvoices)
        for start in stride(from: 0, to: touched.count, by: SQLBatch.size) {
            let chunk = Array(touched[start..<min(start + SQLBatch.size, touched.count)])
            try await ImportSettlement.refresh(chunk, at: now, on: sql)
            // The check saw these balances before staging; a payment recorded meanwhile could make
            // the file's payments more than is owed. Then nothing is published.
            struct Row: Decodable { let n: Int }
            let overdrawn =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM invoices WHERE id IN (\(binds: chunk)) AND balance_minor < 0"
                )
                .first(decoding: Row.self)?.n ?? 0
            guard overdrawn == 0 else {
                throw ServiceError.conflict(
                    "import_conflict",
                    "Payments were recorded on these invoices while the file was imported; nothing was imported, try again"
                )
            }
        }
        try await ImportCustomerRows.assignCodes(directory.codeAssignments, in: tx)
    }

    /// Hands the queued rows to the database after the previous batch is in.
    private mutating func send() async throws {
        try await inFlight?.value
        let ready = batches
        batches.removeAll()
        guard !ready.isEmpty else {
            inFlight = nil
            return
        }
        let db = context.db
        inFlight = Task {
            try await WriteIntent.transaction(on: db) { tx in
                var batch = ready
                try await batch.flush(on: tx.sql)
            }
        }
    }

    private mutating func add(_ record: ImportedRecord, directory: ImportDirectory) throws {
        let organisationID = context.organisationID
        switch record {
        case .customer:
            break // new customers are created at publish, from the directory
        case .contact(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
            batches.contacts.append(
                batches.prefix + [
                    .uuid(UUID.random()), .uuid(customer), .text(row.name ?? row.email ?? row.phone ?? ""),
                    .text(ImportContactRole.role(row.role).rawValue), .text(row.email), .text(row.phone), .date(now),
                    .date(now),
                ])
        case .invoice(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
            let rows = ImportInvoiceRows.row(
                row, customerID: customer, organisationID: organisationID, today: context.today, note: openingNote,
                now: now)
            batches.invoices.append(batches.prefix + rows.invoice)
            if let payment = rows.payment, let allocation = rows.allocation {
                batches.payments.append(batches.prefix + payment)
                batches.allocations.append(batches.prefix + allocation)
            }
        case .payment(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
            let paymentID = UUID.random()
            let invoice = row.invoiceNumber.flatMap { directory.invoices[$0] }
            let allocated = invoice == nil ? 0 : row.amount.minorUnits
            batches.payments.append(
                batches.prefix + [
                    .uuid(paymentID), .uuid(organisationID), .uuid(customer), .text(row.paidDate.iso),
                    .text(row.amount.currency.code), .integer(row.amount.minorUnits), .integer(allocated),
                    .text(PaymentMethod.other.rawValue), .text(row.reference), .text(""), .date(now), .date(now),
                ])
            if let invoice {
                batches.allocations.append(
                    batches.prefix + [
                        .uuid(UUID.random()), .uuid(organisationID), .uuid(invoice.id),
                        .text(InvoiceSettlement.Kind.payment.rawValue), .uuid(paymentID),
                        .integer(row.amount.minorUnits), .text(row.paidDate.iso), .date(now),
                    ])
                touchedInvoices.insert(invoice.id)
            }
        }
    }

    private func resolve(_ code: String?, _ name: String?, line: Int, in directory: ImportDirectory) throws -> UUID {
        // The check made sure every good row's customer is known; a miss here is a bug, and rolls back.
        guard let id = directory.customer(code: code, name: name) else {
            throw ServiceError(
                .internalFailure, code: "import_inconsistent",
                message: "line \(line): customer not found after the check")
        }
        return id
    }
}

/// The pending staged rows of each table, flushed together in foreign-key order.
private struct Batches: Sendable {
    /// import_id and staged_at, first in every staged row.
    let prefix: [SQLValue]
    var contacts = ImportStaging.batch(ImportStaging.contacts, ImportStaging.contactColumns)
    var invoices = ImportStaging.batch(ImportStaging.invoices, ImportInvoiceRows.invoiceColumns)
    var payments = ImportStaging.batch(ImportStaging.payments, ImportInvoiceRows.paymentColumns)
    var allocations = ImportStaging.batch(ImportStaging.allocations, ImportInvoiceRows.allocationColumns)

    init(prefix: [SQLValue]) { self.prefix = prefix }

    var isFull: Bool { contacts.isFull || invoices.isFull || payments.isFull || allocations.isFull }
    var isEmpty: Bool { contacts.isEmpty && invoices.isEmpty && payments.isEmpty && allocations.isEmpty }

    mutating func removeAll() { self = Batches(prefix: prefix) }

    mutating func flush(on sql: any SQLDatabase) async throws {
        try await contacts.flush(on: sql)
        try await invoices.flush(on: sql)
        try await payments.flush(on: sql)
        try await allocations.flush(on: sql)
    }
}
