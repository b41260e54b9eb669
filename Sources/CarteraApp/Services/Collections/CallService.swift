import CarteraCore
import Fluent
import Foundation
import Vapor

/// Logging a call: what came of it decides what happens next, all in one transaction.
///
/// - reached: a follow-up task if a date is given;
/// - no answer: a call-again task (on the date given, else in two days);
/// - wrong number: a task to fix the contact's details, due today;
/// - promise: a promise to pay (amount, date) that pauses reminders until that date;
/// - dispute: a dispute on the invoice named, which pauses its reminders;
/// - refused: a task to review the account for escalation, due today.
enum CallService {
    struct Input: Content {
        var contactId: UUID?
        var outcome: String?
        var note: String?
        var followUpOn: String?
        /// With outcome promise.
        var promisedOn: String?
        var promiseAmount: String?
        var currency: String?
        var invoiceIds: [UUID]?
        /// With outcome dispute.
        var invoiceId: UUID?
        var disputeReason: String?
        var disputeAmount: String?
    }

    static let defaultRetryDays = 2

    static func log(for customer: Customer, _ input: Input, in context: ServiceContext) async throws -> Interaction {
        let outcome = try FieldParser.enumValue(
            try FieldParser.text(input.outcome, "outcome", maxLength: 40), CallOutcome.self, "outcome")
        let customerID = try customer.requireID()
        if let contactID = input.contactId {
            guard
                try await Contact.query(on: context.db).filter(\.$id == contactID).filter(\.$customer.$id == customerID)
                    .count() == 1
            else {
                throw ServiceError.invalid(
                    "contact_id", code: "unknown_contact", "The contact is not one of this customer's")
            }
        }
        let followUp = try FieldParser.optionalDate(input.followUpOn.flatMap { $0.isEmpty ? nil : $0 }, "follow_up_on")
        if let followUp, followUp < context.today {
            throw ServiceError.invalid("follow_up_on", code: "date_in_past", "follow_up_on cannot be in the past")
        }
        let call = Interaction()
        call.organisationID = context.organisationID
        call.$customer.id = customerID
        call.contactID = input.contactId
        call.kind = .call
        call.outcome = outcome
        call.note = try FieldParser.optionalText(input.note, "note", maxLength: 4_000) ?? ""
        call.followUpOn = followUp?.iso
        call.author = context.actor.name

        return try await context.transaction { tx in
            switch outcome {
            case .promise:
                let promise = try await ServiceError.naming(["amount": "promise_amount"]) {
                    try await PromiseService.create(
                        for: customer,
                        PromiseInput(
                            promisedOn: input.promisedOn, amount: input.promiseAmount, currency: input.currency,
                            note: call.note, invoiceIds: input.invoiceIds), in: tx)
                }
                call.promiseID = promise.promise.id
            case .dispute:
                let invoice = try await InvoiceService.find(
                    try FieldParser.required(input.invoiceId, "invoice_id"), in: tx)
                guard invoice.$customer.id == customerID else {
                    throw ServiceError.invalid(
                        "invoice_id", code: "unknown_invoice", "The invoice is not this customer's")
                }
                let dispute = try await ServiceError.naming(["amount": "dispute_amount", "reason": "dispute_reason"]) {
                    try await DisputeService.open(
                        on: invoice,
                        DisputeInput(reason: input.disputeReason ?? input.note, amount: input.disputeAmount), in: tx)
                }
                call.disputeID = dispute.id
            case .noAnswer:
                try await TaskService.create(
                    .call, for: customer, titleKey: "task.call_again.title",
                    due: followUp ?? tx.today.addingClamped(days: defaultRetryDays), in: tx)
            case .wrongNumber:
                try await TaskService.create(
                    .followUp, for: customer, titleKey: "task.fix_contact.title", due: tx.today, in: tx)
            case .refused:
                try await TaskService.create(
                    .followUp, for: customer, titleKey: "task.review_escalation.title", due: tx.today, in: tx)
            case .reached:
                break
            }
            if let followUp, outcome != .noAnswer {
                try await TaskService.create(
                    .call, for: customer, titleKey: "task.follow_up.title", due: followUp, in: tx)
            }
            try await call.create(on: tx.db)
            try await AuditLog.record(
                "call.logged", entityType: "interaction", entityID: try call.requireID(),
                details: [
                    "customer_id": customerID.uuidString, "outcome": outcome.rawValue,
                ], in: tx)
            return call
        }
    }

    static func addNote(for customer: Customer, text: String?, in context: ServiceContext) async throws -> Interaction {
        let note = Interaction()
        note.organisationID = context.organisationID
        note.$customer.id = try customer.requireID()
        note.kind = .note
        note.note = try FieldParser.text(text, "note", maxLength: 4_000)
        note.author = context.actor.name
        return try await context.transaction { tx in
            try await note.create(on: tx.db)
            try await AuditLog.record(
                "note.added", entityType: "interaction", entityID: try note.requireID(),
                details: ["customer_id": try customer.requireID().uuidString], in: tx)
            return note
        }
    }
}
