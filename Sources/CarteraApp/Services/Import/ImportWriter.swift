import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Writes the good records of an import as they are checked, inside the import's transaction: the
/// customers the file brings, then its records, in multi-row INSERTs. One batch is in the database
/// while the next is read, so parsing and SQLite share the two cores. Writes no reminder, message or
/// per-row audit event: importing history notifies nobody.
struct ImportWriter {
    let context: ServiceContext
    private var batches = Batches()
    private var inFlight: Task<Void, any Error>?
    /// How many of the directory's new customers are already queued.
    private var queuedCustomers = 0
    private let now: Date
    private let openingNote: String

    init(context: ServiceContext) {
        self.context = context
        now = context.clock.now()
        openingNote = ImportInvoiceRows.openingNote(locale: context.organisation.locale)
    }

    private var sql: any SQLDatabase { context.db as! any SQLDatabase }

    /// Queues a checked record (and the customers registered since the last one); a full batch goes
    /// to the database while the caller reads on.
    mutating func write(_ record: ImportedRecord, directory: ImportDirectory) async throws {
        queueNewCustomers(directory)
        try add(record, directory: directory, to: &batches)
        if batches.isFull { try await send() }
    }

    /// Writes what is queued and waits for the database; gives matched customers their codes.
    mutating func finish(directory: ImportDirectory) async throws {
        queueNewCustomers(directory)
        try await send()
        try await inFlight?.value
        inFlight = nil
        try await ImportCustomerRows.assignCodes(directory.codeAssignments, in: context)
    }

    /// Stops writing (a row error was found, the transaction will roll back): waits for the batch in
    /// the database, so nothing uses the connection after the rollback.
    mutating func abandon() async {
        _ = try? await inFlight?.value
        inFlight = nil
        batches = Batches()
    }

    private mutating func queueNewCustomers(_ directory: ImportDirectory) {
        guard directory.newCustomers.count > queuedCustomers else { return }
        batches.customers.append(contentsOf: directory.newCustomers[queuedCustomers...])
        queuedCustomers = directory.newCustomers.count
    }

    /// Hands the queued rows to the database after the previous batch is in.
    private mutating func send() async throws {
        try await inFlight?.value
        var ready = batches
        batches = Batches()
        let context = self.context, sql = self.sql, now = self.now
        inFlight = Task { try await ready.flush(on: sql, in: context, at: now) }
    }

    private func add(_ record: ImportedRecord, directory: ImportDirectory, to batches: inout Batches) throws {
        let organisationID = context.organisationID
        switch record {
        case .customer:
            break
        case .contact(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
            batches.contacts.append([.uuid(UUID.random()), .uuid(customer), .text(row.name ?? row.email ?? row.phone ?? ""),
                                     .text(ImportContactRole.role(row.role).rawValue), .text(row.email), .text(row.phone), .date(now), .date(now)])
        case .invoice(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
            let rows = ImportInvoiceRows.row(row, customerID: customer, organisationID: organisationID, today: context.today, note: openingNote, now: now)
            batches.invoices.append(rows.invoice)
            if let payment = rows.payment, let allocation = rows.allocation {
                batches.payments.append(payment)
                batches.allocations.append(allocation)
            }
        case .payment(let row):
            let customer = try resolve(row.customerCode, row.customerName, line: row.line, in: directory)
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

    private func resolve(_ code: String?, _ name: String?, line: Int, in directory: ImportDirectory) throws -> UUID {
        // The check made sure every good row's customer is known; a miss here is a bug, and rolls back.
        guard let id = directory.customer(code: code, name: name) else {
            throw APIError(.internalServerError, code: "import_inconsistent", message: "line \(line): customer not found after the check")
        }
        return id
    }
}

/// The pending rows of each table, flushed together in foreign-key order.
private struct Batches: Sendable {
    var customers: [ImportDirectory.NewCustomer] = []
    var contacts = SQLBatch(Contact.schema, ["id", "customer_id", "name", "role", "email", "phone", "created_at", "updated_at"])
    var invoices = SQLBatch(Invoice.schema, ImportInvoiceRows.invoiceColumns)
    var payments = SQLBatch(Payment.schema, ImportInvoiceRows.paymentColumns)
    var allocations = SQLBatch(Allocation.schema, ImportInvoiceRows.allocationColumns)
    /// Invoices that payments of this batch settle: their stored balance and status follow.
    var touchedInvoices: Set<UUID> = []

    var isFull: Bool { customers.count >= SQLBatch.size || contacts.isFull || invoices.isFull || payments.isFull || allocations.isFull }

    mutating func flush(on sql: any SQLDatabase, in context: ServiceContext, at now: Date) async throws {
        try await ImportCustomerRows.create(customers, in: context)
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
