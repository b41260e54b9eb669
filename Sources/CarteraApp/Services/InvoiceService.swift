import CarteraCore
import Fluent
import Foundation

enum InvoiceService {
    struct Draft {
        typealias Line = (description: String, quantity: Quantity, unitPrice: Money, amount: Money)
        var total: Money
        var lines: [Line]
    }

    static func create(_ input: InvoiceInput, in context: ServiceContext) async throws -> Invoice {
        let customer = try await CustomerService.referenced(input.customerId, in: context)
        let invoice = Invoice()
        invoice.organisationID = context.organisationID
        invoice.$customer.id = try customer.requireID()
        invoice.number = try FieldParser.text(input.number, "number", maxLength: 50)
        let issued = try FieldParser.optionalDate(input.issueDate, "issue_date") ?? context.today
        let terms = try FieldParser.terms(input.paymentTerms ?? customer.paymentTerms, "payment_terms")
        let due =
            try FieldParser.optionalDate(input.dueDate, "due_date")
            ?? FieldParser.computedDate({ try terms.dueDate(issuedOn: issued) }, "payment_terms")
        guard due >= issued else { throw ServiceError.invalid("due_date", "due_date must not be before issue_date") }
        invoice.issueDate = issued.iso
        invoice.dueDate = due.iso
        invoice.paymentTerms = terms.code
        let currency = try FieldParser.currency(input.currency ?? customer.currency, "currency")
        invoice.currency = currency.code
        let draft = try amounts(total: input.total, lines: input.lines, currency: currency)
        invoice.totalMinor = draft.total.minorUnits
        invoice.settledMinor = 0
        invoice.balanceMinor = draft.total.minorUnits
        invoice.status = try initialStatus(input.status)
        invoice.externalReference = try FieldParser.optionalText(
            input.externalReference, "external_reference", maxLength: 100)
        invoice.notes = try FieldParser.optionalText(input.notes, "notes") ?? ""
        try await ensureNumberIsFree(invoice.number, in: context)

        return try await context.transaction { tx in
            do {
                try await invoice.create(on: tx.db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw duplicateNumber(invoice.number)
            }
            try await saveLines(draft, of: invoice, on: tx.db)
            try await EventReminders.invoiceIssued(invoice, in: tx)
            try await AuditLog.record(
                "invoice.created", entityType: "invoice", entityID: try invoice.requireID(),
                details: [
                    "number": invoice.number, "total": draft.total.decimalString, "currency": currency.code,
                    "status": invoice.status.rawValue, "due_date": invoice.dueDate,
                ], in: tx)
            return invoice
        }
    }

    /// Drafts can change entirely. Once issued only the due date, reference and notes change:
    /// amounts of an issued invoice are corrected with credit notes, as accounting expects.
    static func update(_ invoice: Invoice, with input: InvoiceInput, in context: ServiceContext) async throws -> Invoice
    {
        let isDraft = invoice.status == .draft
        let amountFields = [
            input.total != nil, input.lines != nil, input.currency != nil, input.customerId != nil,
            input.number != nil, input.issueDate != nil, input.paymentTerms != nil,
        ]
        if !isDraft, amountFields.contains(true) {
            throw ServiceError.conflict(
                "invoice_not_editable",
                "Only due_date, external_reference and notes can change once an invoice is issued; use a credit note to correct amounts"
            )
        }
        guard invoice.status != .void, invoice.status != .writtenOff else {
            throw ServiceError.conflict(
                "invoice_not_editable", "A \(invoice.status.rawValue) invoice cannot be changed")
        }
        var changes: [String: String] = [:]
        var draft: Draft?
        if isDraft {
            if let id = input.customerId {
                invoice.$customer.id = try await CustomerService.referenced(id, in: context).requireID()
            }
            if let number = input.number, number != invoice.number {
                invoice.number = try FieldParser.text(number, "number", maxLength: 50)
                try await ensureNumberIsFree(invoice.number, in: context)
            }
            if let value = input.issueDate { invoice.issueDate = try FieldParser.date(value, "issue_date").iso }
            if let value = input.paymentTerms {
                let terms = try FieldParser.terms(value, "payment_terms")
                invoice.paymentTerms = terms.code
                if input.dueDate == nil {
                    let issued = try invoice.issued
                    invoice.dueDate = try FieldParser.computedDate(
                        { try terms.dueDate(issuedOn: issued) }, "payment_terms"
                    ).iso
                }
            }
            if let value = input.currency { invoice.currency = try FieldParser.currency(value, "currency").code }
            if input.total != nil || input.lines != nil {
                draft = try amounts(total: input.total, lines: input.lines, currency: try invoice.currencyValue)
                invoice.totalMinor = draft!.total.minorUnits
                invoice.balanceMinor = draft!.total.minorUnits
                changes["total"] = draft!.total.decimalString
            }
        }
        if let value = input.dueDate {
            let due = try FieldParser.date(value, "due_date")
            guard due >= (try invoice.issued) else {
                throw ServiceError.invalid("due_date", "due_date must not be before issue_date")
            }
            changes["due_date"] = "\(invoice.dueDate) -> \(due.iso)"
            invoice.dueDate = due.iso
        }
        if input.externalReference != nil {
            invoice.externalReference = try FieldParser.optionalText(
                input.externalReference, "external_reference", maxLength: 100)
        }
        if let value = input.notes { invoice.notes = try FieldParser.optionalText(value, "notes") ?? "" }
        let finalDraft = draft
        let recordedChanges = changes
        return try await context.transaction { tx in
            do { try await invoice.save(on: tx.db) } catch let error as any DatabaseError
                where error.isConstraintFailure
            {
                throw duplicateNumber(invoice.number)
            }
            if let finalDraft {
                try await InvoiceLine.query(on: tx.db).filter(\.$invoice.$id == invoice.requireID()).delete()
                try await saveLines(finalDraft, of: invoice, on: tx.db)
            }
            try await AuditLog.record(
                "invoice.updated", entityType: "invoice", entityID: try invoice.requireID(), details: recordedChanges,
                in: tx)
            return invoice
        }
    }

    static func issue(_ invoice: Invoice, in context: ServiceContext) async throws -> Invoice {
        guard invoice.status == .draft else {
            throw ServiceError.conflict("invoice_not_draft", "Only a draft invoice can be issued")
        }
        return try await context.transaction { tx in
            invoice.status = .open
            try await SettlementLedger.refresh(invoice, on: tx.db)
            try await AuditLog.record(
                "invoice.issued", entityType: "invoice", entityID: try invoice.requireID(),
                details: ["total": try invoice.total.decimalString], in: tx)
            try await EventReminders.invoiceIssued(invoice, in: tx)
            return invoice
        }
    }

    static func void(_ invoice: Invoice, reason: String?, in context: ServiceContext) async throws -> Invoice {
        let reason = try FieldParser.text(reason, "reason", maxLength: 500)
        guard invoice.status != .void else {
            throw ServiceError.conflict("invoice_already_void", "The invoice is already void")
        }
        guard invoice.settledMinor == 0 else {
            throw ServiceError.conflict(
                "invoice_has_settlements",
                "An invoice with payments or credits applied cannot be voided; issue a credit note instead")
        }
        return try await context.transaction { tx in
            invoice.status = .void
            try await SettlementLedger.refresh(invoice, on: tx.db)
            try await AuditLog.record(
                "invoice.voided", entityType: "invoice", entityID: try invoice.requireID(),
                details: ["reason": reason, "total": try invoice.total.decimalString], in: tx)
            return invoice
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Invoice {
        guard
            let invoice = try await Invoice.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("invoice") }
        return invoice
    }

    static func lines(of invoices: [Invoice], on db: any Database) async throws -> [UUID: [InvoiceLine]] {
        let ids = try invoices.map { try $0.requireID() }
        guard !ids.isEmpty else { return [:] }
        let lines = try await InvoiceLine.query(on: db).filter(\.$invoice.$id ~~ ids).all()
        return Dictionary(grouping: lines, by: { $0.$invoice.id })
    }

    static func list(_ query: InvoiceListQuery, in context: ServiceContext) async throws -> (
        items: [Invoice], total: PageTotal, page: PageRequest
    ) {
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let builder = Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let status = query.status {
            let statuses = try status.split(separator: ",").map {
                try FieldParser.enumValue(String($0), InvoiceStatus.self, "status")
            }
            builder.filter(\.$status ~~ statuses)
        }
        if let customer = query.customerId { builder.filter(\.$customer.$id == customer) }
        if let currency = query.currency {
            builder.filter(\.$currency == (try FieldParser.currency(currency, "currency").code))
        }
        if query.overdue == true {
            builder.owed().filter(\.$dueDate < context.today.iso)
        }
        if let from = query.dueFrom { builder.filter(\.$dueDate >= (try FieldParser.date(from, "due_from").iso)) }
        if let to = query.dueTo { builder.filter(\.$dueDate <= (try FieldParser.date(to, "due_to").iso)) }
        let result = try await builder.sort(\.$dueDate).sort(\.$number).page(page)
        return (result.items, result.total, page)
    }

    /// What a new invoice may be: issued at once, or a draft to issue later.
    static let creatableStatuses: [InvoiceStatus] = [.open, .draft]

    private static func initialStatus(_ value: String?) throws -> InvoiceStatus {
        switch InvoiceStatus(rawValue: value ?? "open") {
        case let status? where creatableStatuses.contains(status): return status
        default: throw ServiceError.invalid("status", "status must be \"open\" or \"draft\" when creating an invoice")
        }
    }

    private static func amounts(total: String?, lines: [InvoiceLineInput]?, currency: Currency) throws -> Draft {
        guard let lines, !lines.isEmpty else {
            guard let total else {
                throw ServiceError.invalid("total", code: "missing_field", "Give the invoice lines or its total")
            }
            return Draft(total: try FieldParser.money(total, currency: currency, "total"), lines: [])
        }
        guard lines.count <= 500 else { throw ServiceError.invalid("lines", "An invoice has at most 500 lines") }
        var parsed: [Draft.Line] = []
        var sum = Money.zero(currency)
        for (index, line) in lines.enumerated() {
            let field = "lines[\(index)]"
            let description = try FieldParser.text(line.description, "\(field).description", maxLength: 500)
            let quantity: Quantity
            do { quantity = try Quantity(decimalString: line.quantity ?? "1") } catch let error as DomainError {
                throw ServiceError(error, field: "\(field).quantity")
            }
            let unitPrice = try FieldParser.money(
                try FieldParser.required(line.unitPrice, "\(field).unit_price"), currency: currency,
                "\(field).unit_price")
            let amount: Money
            do {
                amount = try quantity.extend(unitPrice)
                sum = try sum.adding(amount)
            } catch let error as DomainError {
                throw ServiceError(error, field: field)
            }
            parsed.append((description, quantity, unitPrice, amount))
        }
        if let total, try FieldParser.money(total, currency: currency, "total") != sum {
            throw ServiceError.invalid(
                "total", code: "total_mismatch",
                "total \(total) does not equal the sum of the lines \(sum.decimalString)")
        }
        return Draft(total: sum, lines: parsed)
    }

    private static func saveLines(_ draft: Draft, of invoice: Invoice, on db: any Database) async throws {
        for (position, line) in draft.lines.enumerated() {
            let row = InvoiceLine()
            row.$invoice.id = try invoice.requireID()
            row.position = position
            row.description = line.description
            row.quantityMilli = line.quantity.milli
            row.unitPriceMinor = line.unitPrice.minorUnits
            row.amountMinor = line.amount.minorUnits
            try await row.create(on: db)
        }
    }

    private static func ensureNumberIsFree(_ number: String, in context: ServiceContext) async throws {
        let taken =
            try await Invoice.query(on: context.db)
            .filter(\.$organisationID == context.organisationID).filter(\.$number == number).count() > 0
        if taken { throw duplicateNumber(number) }
    }

    private static func duplicateNumber(_ number: String) -> ServiceError {
        .conflict("duplicate_invoice_number", "Invoice number \(number) already exists", field: "number")
    }
}
