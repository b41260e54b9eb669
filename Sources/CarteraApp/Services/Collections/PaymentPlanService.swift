import CarteraCore
import Fluent
import Foundation
import Vapor

/// Payment plans ("acuerdos de pago"): part of a customer's open balance split into instalments.
/// The covered invoices leave the dunning policy while the plan is active (a hold); the plan's own
/// reminders and its broken-plan check run in `CollectionChecks`.
enum PaymentPlanService {
    struct Input: Content {
        var invoiceIds: [UUID]?
        /// Equal instalments after an optional down payment…
        var instalments: Int?
        var firstDueOn: String?
        /// "monthly" (default) or a number of days between instalments.
        var everyDays: Int?
        var downPayment: String?
        var downPaymentDueOn: String?
        /// …or amounts agreed one by one.
        var schedule: [ScheduledInstalment]?
        var note: String?
    }

    struct ScheduledInstalment: Content {
        var dueOn: String?
        var amount: String?
    }

    static func create(for customer: Customer, _ input: Input, in context: ServiceContext) async throws -> PaymentPlan {
        let customerID = try customer.requireID()
        let ids = try FieldParser.required(input.invoiceIds, "invoice_ids")
        guard !ids.isEmpty else { throw ServiceError.invalid("invoice_ids", "Choose at least one open invoice") }
        let invoices = try await Invoice.query(on: context.db).filter(\.$id ~~ ids).filter(
            \.$customer.$id == customerID
        )
        .owed().all()
        for (index, id) in ids.enumerated() where !invoices.contains(where: { $0.id == id }) {
            throw ServiceError.invalid(
                "invoice_ids[\(index)]", code: "unknown_invoice",
                "Invoice \(id) is not an open invoice of this customer")
        }
        let currencies = Set(invoices.map(\.currency))
        guard currencies.count == 1, let code = currencies.first else {
            throw ServiceError.invalid(
                "invoice_ids", code: "currency_mismatch", "A plan covers invoices in one currency")
        }
        let currency = try Currency(code: code)
        let active = try await PaymentPlan.query(on: context.db).filter(\.$customer.$id == customerID).filter(
            \.$status == .active
        ).all()
        let alreadyPlanned = Set(active.flatMap(\.coveredInvoiceIDs))
        if let index = ids.firstIndex(where: alreadyPlanned.contains) {
            throw ServiceError.conflict(
                "invoice_in_plan", "That invoice is already in an active plan", field: "invoice_ids[\(index)]")
        }
        let total = Money(minorUnits: try invoices.checkedSum(\.balanceMinor), currency: currency)
        let schedule = try instalments(input, total: total, today: context.today)

        let plan = PaymentPlan()
        plan.organisationID = context.organisationID
        plan.$customer.id = customerID
        plan.currency = code
        plan.totalMinor = total.minorUnits
        plan.settledAtStartMinor = try invoices.checkedSum(\.settledMinor)
        plan.invoiceIDs = StoredList.encode(ids)
        plan.status = .active
        plan.startsOn = context.today.iso
        plan.note = try FieldParser.optionalText(input.note, "note", maxLength: 2_000) ?? ""
        return try await context.transaction { tx in
            try await plan.create(on: tx.db)
            for instalment in schedule {
                let row = PlanInstalment()
                row.$plan.id = try plan.requireID()
                row.number = instalment.number
                row.dueOn = instalment.dueDate.iso
                row.amountMinor = instalment.amount.minorUnits
                try await row.create(on: tx.db)
            }
            for id in ids {
                try await HoldService.hold(
                    invoiceID: id, reason: .paymentPlan, sourceID: try plan.requireID(), until: nil, in: tx)
            }
            try await AuditLog.record(
                "plan.created", entityType: "payment_plan", entityID: try plan.requireID(),
                details: [
                    "customer_id": customerID.uuidString, "total": total.decimalString, "currency": code,
                    "instalments": String(schedule.count),
                    "invoices": invoices.map(\.number).sorted().joined(separator: ","),
                ], in: tx)
            return plan
        }
    }

    static func instalments(_ input: Input, total: Money, today: LocalDate) throws -> [InstalmentSchedule.Instalment] {
        do {
            if let schedule = input.schedule {
                let parts = try schedule.enumerated().map { index, part in
                    (
                        dueDate: try FieldParser.date(
                            try FieldParser.required(part.dueOn, "schedule[\(index)].due_on"),
                            "schedule[\(index)].due_on"),
                        amount: try FieldParser.money(
                            try FieldParser.required(part.amount, "schedule[\(index)].amount"),
                            currency: total.currency, "schedule[\(index)].amount")
                    )
                }
                if let first = parts.first, first.dueDate < today {
                    throw ServiceError.invalid(
                        "schedule[0].due_on", code: "date_in_past", "The first instalment cannot be in the past")
                }
                return try InstalmentSchedule.custom(total: total, parts: parts)
            }
            let firstDue = try FieldParser.date(
                try FieldParser.required(input.firstDueOn, "first_due_on"), "first_due_on")
            guard firstDue >= today else {
                throw ServiceError.invalid(
                    "first_due_on", code: "date_in_past", "The first instalment cannot be in the past")
            }
            let downPayment = try input.downPayment.flatMap { $0.isEmpty ? nil : $0 }.map {
                try FieldParser.money($0, currency: total.currency, "down_payment")
            }
            let downPaymentDue = try FieldParser.optionalDate(
                input.downPaymentDueOn.flatMap { $0.isEmpty ? nil : $0 }, "down_payment_due_on")
            return try InstalmentSchedule.equal(
                total: total, count: try FieldParser.required(input.instalments, "instalments"), firstDue: firstDue,
                spacing: input.everyDays.map { .everyDays($0) } ?? .monthly, downPayment: downPayment,
                downPaymentDue: downPaymentDue ?? (downPayment == nil ? nil : today))
        } catch let error as DomainError {
            throw ServiceError(error)
        }
    }

    static func cancel(_ plan: PaymentPlan, reason: String?, in context: ServiceContext) async throws -> PaymentPlan {
        guard plan.status == .active else {
            throw ServiceError.conflict("plan_not_active", "The plan is already \(plan.status.rawValue)")
        }
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        return try await context.transaction { tx in
            try await end(plan, as: .cancelled, details: ["reason": why], in: tx)
            return plan
        }
    }

    /// Closes a plan and gives its invoices back to the dunning policy.
    static func end(
        _ plan: PaymentPlan, as status: PaymentPlanStatus, details: [String: String] = [:], in context: ServiceContext
    ) async throws {
        plan.status = status
        plan.endedOn = context.today.iso
        try await plan.save(on: context.db)
        try await HoldService.release(sourceID: try plan.requireID(), in: context)
        try await AuditLog.record(
            "plan.\(status.rawValue)", entityType: "payment_plan", entityID: try plan.requireID(), details: details,
            in: context)
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> PaymentPlan {
        guard
            let plan = try await PaymentPlan.query(on: context.db).filter(\.$id == id).filter(
                \.$organisationID == context.organisationID
            ).first()
        else { throw ServiceError.notFound("payment_plan") }
        return plan
    }

    /// The plan's instalments and how each stands given what the covered invoices were paid since it began.
    static func standing(of plan: PaymentPlan, on db: any Database, asOf today: LocalDate) async throws
        -> [InstalmentStanding]
    {
        let currency = try Currency(code: plan.currency)
        let rows = try await PlanInstalment.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$number).all()
        let instalments = rows.map {
            InstalmentSchedule.Instalment(
                number: $0.number, dueDate: (try? LocalDate(iso: $0.dueOn)) ?? today,
                amount: Money(minorUnits: $0.amountMinor, currency: currency))
        }
        let settledNow = try await Invoice.query(on: db).filter(\.$id ~~ plan.coveredInvoiceIDs).all().checkedSum(
            \.settledMinor)
        let paid = Money(minorUnits: max(0, settledNow - plan.settledAtStartMinor), currency: currency)
        return InstalmentSchedule.standing(of: instalments, paidSoFar: paid, asOf: today)
    }
}
