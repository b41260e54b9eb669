import CarteraCore
import Fluent
import Foundation

/// A promise and the invoices it covers (those its holds pause).
struct PromiseResult: Sendable {
    let promise: PaymentPromise
    let invoiceIDs: [UUID]
}

/// A promise to pay pauses reminders for the invoices it covers until the promised date: those named,
/// or else the oldest owed up to the promised amount (`PromiseCoverage`).
enum PromiseService {
    static func create(for customer: Customer, _ input: PromiseInput, in context: ServiceContext) async throws
        -> PromiseResult
    {
        let currency = try FieldParser.currency(input.currency ?? customer.currency, "currency")
        let amount = try FieldParser.money(
            try FieldParser.required(input.amount, "amount"), currency: currency, "amount")
        let date = try FieldParser.date(try FieldParser.required(input.promisedOn, "promised_on"), "promised_on")
        guard date >= context.today else {
            throw ServiceError.invalid("promised_on", code: "date_in_past", "promised_on cannot be in the past")
        }
        let open = try await SettlementLedger.openItems(
            customerID: try customer.requireID(), currency: currency, on: context.db)
        let covered: [UUID]
        if let ids = input.invoiceIds {
            for (index, id) in ids.enumerated() where !open.contains(where: { $0.id == id }) {
                throw ServiceError.invalid(
                    "invoice_ids[\(index)]", code: "unknown_invoice",
                    "Invoice \(id) is not an open invoice of this customer in \(currency.code)")
            }
            covered = ids
        } else {
            covered = PromiseCoverage.covered(by: amount, of: open)
        }
        guard !covered.isEmpty else {
            throw ServiceError.invalid(
                "invoice_ids", "The customer has no open invoice in \(currency.code) to promise for")
        }
        let promise = PaymentPromise()
        promise.organisationID = context.organisationID
        promise.$customer.id = try customer.requireID()
        promise.promisedOn = date.iso
        promise.currency = currency.code
        promise.amountMinor = amount.minorUnits
        promise.status = .active
        promise.note = try FieldParser.optionalText(input.note, "note") ?? ""
        return try await context.transaction { tx in
            try await promise.create(on: tx.db)
            for invoiceID in covered {
                try await HoldService.hold(
                    invoiceID: invoiceID, reason: .promise, sourceID: try promise.requireID(), until: date.iso, in: tx)
            }
            try await AuditLog.record(
                "promise.created", entityType: "payment_promise", entityID: try promise.requireID(),
                details: [
                    "amount": amount.decimalString, "currency": currency.code, "promised_on": date.iso,
                    "invoices": String(covered.count),
                ], in: tx)
            return PromiseResult(promise: promise, invoiceIDs: covered)
        }
    }

    static func list(for customer: Customer, in context: ServiceContext) async throws -> [PromiseResult] {
        let promises = try await PaymentPromise.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .sort(\.$promisedOn).all()
        let holds = try await DunningHold.query(on: context.db).filter(
            \.$sourceID ~~ promises.map { try $0.requireID() }
        ).all()
        return promises.map { promise in
            PromiseResult(promise: promise, invoiceIDs: holds.filter { $0.sourceID == promise.id }.map(\.$invoice.id))
        }
    }
}
