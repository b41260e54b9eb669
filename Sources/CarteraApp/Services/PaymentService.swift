import CarteraCore
import Fluent
import Foundation

enum PaymentService {
    /// - Parameter settling: the invoices the person chose on the page: they are settled oldest due first,
    ///   each up to its balance, and what is left stays as the customer's credit. Nil: `input` decides
    ///   (explicit allocations, else oldest first over all open invoices, with the early-payment rule).
    static func record(_ input: PaymentInput, settling invoiceIDs: [UUID]? = nil, in context: ServiceContext)
        async throws -> Payment
    {
        let customer = try await CustomerService.referenced(input.customerId, in: context)
        let currency = try FieldParser.currency(input.currency ?? customer.currency, "currency")
        let amount = try FieldParser.money(
            try FieldParser.required(input.amount, "amount"), currency: currency, "amount")
        let receivedOn = try FieldParser.optionalDate(input.receivedOn, "received_on") ?? context.today
        guard receivedOn <= context.today else {
            throw ServiceError.invalid(
                "received_on", code: "date_in_future", "received_on cannot be after today (\(context.today.iso))")
        }
        let payment = Payment()
        payment.organisationID = context.organisationID
        payment.$customer.id = try customer.requireID()
        payment.receivedOn = receivedOn.iso
        payment.currency = currency.code
        payment.amountMinor = amount.minorUnits
        payment.allocatedMinor = 0
        payment.method = try FieldParser.enumValue(
            input.method ?? PaymentMethod.transfer.rawValue, PaymentMethod.self, "method")
        payment.reference = try FieldParser.optionalText(input.reference, "reference", maxLength: 140)
        payment.notes = try FieldParser.optionalText(input.notes, "notes") ?? ""
        let autoAllocate = input.autoAllocate ?? true

        return try await context.transaction { tx in
            try await payment.create(on: tx.db)
            try await AuditLog.record(
                "payment.recorded", entityType: "payment", entityID: try payment.requireID(),
                details: [
                    "amount": amount.decimalString, "currency": currency.code, "method": payment.method.rawValue,
                    "received_on": payment.receivedOn, "customer_id": customer.id?.uuidString ?? "",
                ], in: tx)
            if let invoiceIDs {
                let plan = try await CreditApplication.plan(
                    available: amount, customerID: try customer.requireID(), settling: invoiceIDs, in: tx)
                try await SettlementLedger.apply(plan, from: payment, appliedOn: receivedOn, in: tx)
                try await EarlyPayment.grantDiscounts(for: plan, of: payment, paidOn: receivedOn, in: tx)
            } else if input.allocations != nil || autoAllocate {
                // A payment of exactly an invoice's discounted total within its window is meant for that
                // invoice, whatever is older: the customer took the early-payment discount.
                let discounted =
                    input.allocations == nil
                    ? try await EarlyPayment.invoiceTaking(
                        amount, customerID: try customer.requireID(), paidOn: receivedOn, in: tx) : nil
                let plan: [PaymentAllocator.Allocation]
                if let discounted {
                    plan = [PaymentAllocator.Allocation(invoiceID: try discounted.requireID(), amount: amount)]
                } else {
                    plan = try await CreditApplication.plan(
                        available: amount, customerID: try customer.requireID(), requests: input.allocations, in: tx)
                }
                try await SettlementLedger.apply(plan, from: payment, appliedOn: receivedOn, in: tx)
                try await EarlyPayment.grantDiscounts(for: plan, of: payment, paidOn: receivedOn, in: tx)
            }
            try await EventReminders.paymentReceived(payment, in: tx)
            return payment
        }
    }

    static func update(_ payment: Payment, with input: PaymentUpdate, in context: ServiceContext) async throws
        -> Payment
    {
        if input.reference != nil {
            payment.reference = try FieldParser.optionalText(input.reference, "reference", maxLength: 140)
        }
        if let value = input.notes { payment.notes = try FieldParser.optionalText(value, "notes") ?? "" }
        if let value = input.method { payment.method = try FieldParser.enumValue(value, PaymentMethod.self, "method") }
        return try await context.transaction { tx in
            try await payment.save(on: tx.db)
            try await AuditLog.record(
                "payment.updated", entityType: "payment", entityID: try payment.requireID(),
                details: ["reference": payment.reference ?? "", "method": payment.method.rawValue], in: tx)
            return payment
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Payment {
        guard
            let payment = try await Payment.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("payment") }
        return payment
    }

    static func list(_ query: PaymentListQuery, in context: ServiceContext) async throws -> (
        items: [Payment], total: PageTotal, page: PageRequest
    ) {
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let builder = Payment.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let customer = query.customerId { builder.filter(\.$customer.$id == customer) }
        if let from = query.from { builder.filter(\.$receivedOn >= (try FieldParser.date(from, "from").iso)) }
        if let to = query.to { builder.filter(\.$receivedOn <= (try FieldParser.date(to, "to").iso)) }
        let result = try await builder.sort(\.$receivedOn, .descending).sort(\.$id).page(page)
        return (result.items, result.total, page)
    }
}
