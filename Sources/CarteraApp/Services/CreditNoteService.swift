import CarteraCore
import Fluent
import Foundation

enum CreditNoteService {
    static func create(_ input: CreditNoteInput, in context: ServiceContext) async throws -> CreditNote {
        let customer = try await CustomerService.referenced(input.customerId, in: context)
        let currency = try FieldParser.currency(input.currency ?? customer.currency, "currency")
        let amount = try FieldParser.money(
            try FieldParser.required(input.amount, "amount"), currency: currency, "amount")
        let note = CreditNote()
        note.organisationID = context.organisationID
        note.$customer.id = try customer.requireID()
        note.number = try FieldParser.text(input.number, "number", maxLength: 50)
        note.issuedOn = (try FieldParser.optionalDate(input.issuedOn, "issued_on") ?? context.today).iso
        note.currency = currency.code
        note.amountMinor = amount.minorUnits
        note.allocatedMinor = 0
        note.reason = try FieldParser.text(input.reason, "reason", maxLength: 500)
        let taken =
            try await CreditNote.query(on: context.db)
            .filter(\.$organisationID == context.organisationID).filter(\.$number == note.number).count() > 0
        if taken { throw duplicateNumber(note.number) }

        return try await context.transaction { tx in
            do { try await note.create(on: tx.db) } catch let error as any DatabaseError where error.isConstraintFailure
            {
                throw duplicateNumber(note.number)
            }
            try await AuditLog.record(
                "credit_note.issued", entityType: "credit_note", entityID: try note.requireID(),
                details: [
                    "number": note.number, "amount": amount.decimalString, "currency": currency.code,
                    "reason": note.reason,
                ], in: tx)
            if let invoiceID = input.invoiceId {
                let invoice = try await InvoiceService.find(invoiceID, in: tx)
                guard invoice.$customer.id == customer.id, invoice.currency == currency.code else {
                    throw ServiceError.invalid(
                        "invoice_id", "The invoice must belong to the same customer and be in \(currency.code)")
                }
                guard invoice.status.isOwed else {
                    throw ServiceError.invalid(
                        "invoice_id", code: "invoice_not_open",
                        "Invoice \(invoice.number) is \(invoice.status.rawValue) and has nothing to credit")
                }
                // As much as the invoice still owes; the rest stays as customer credit.
                let applied = min(amount.minorUnits, invoice.balanceMinor)
                try await RowLocks.lockOpenInvoices(customerID: try customer.requireID(), on: tx.db)
                try await SettlementLedger.apply(
                    [.init(invoiceID: invoiceID, amount: Money(minorUnits: applied, currency: currency))],
                    from: note, appliedOn: try LocalDate(iso: note.issuedOn), in: tx)
            }
            return note
        }
    }

    static func update(_ note: CreditNote, with input: CreditNoteUpdate, in context: ServiceContext) async throws
        -> CreditNote
    {
        if let value = input.reason { note.reason = try FieldParser.text(value, "reason", maxLength: 500) }
        return try await context.transaction { tx in
            try await note.save(on: tx.db)
            try await AuditLog.record(
                "credit_note.updated", entityType: "credit_note", entityID: try note.requireID(),
                details: ["reason": note.reason], in: tx)
            return note
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> CreditNote {
        guard
            let note = try await CreditNote.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("credit_note") }
        return note
    }

    static func list(_ query: CreditNoteListQuery, in context: ServiceContext) async throws -> (
        items: [CreditNote], total: PageTotal, page: PageRequest
    ) {
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let builder = CreditNote.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let customer = query.customerId { builder.filter(\.$customer.$id == customer) }
        let result = try await builder.sort(\.$issuedOn, .descending).sort(\.$id).page(page)
        return (result.items, result.total, page)
    }

    private static func duplicateNumber(_ number: String) -> ServiceError {
        .conflict("duplicate_credit_note_number", "Credit note number \(number) already exists", field: "number")
    }
}
