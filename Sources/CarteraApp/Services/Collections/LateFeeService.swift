import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Charges late fees as the organisation's policy says, lists them and waives them. The charges
/// themselves are worked out in CarteraCore (`LateFeePolicy`, `InterestSchedule`); this file only
/// finds which are owed and not yet recorded.
enum LateFeeService {
    /// Paid invoices are looked at this long after they were last touched, so the interest up to
    /// the settlement day is charged even when the daily pass missed some days.
    static let settledLookbackDays = 100
    static let batchSize = 500

    /// The daily accrual; safe to repeat and to run on several servers (one row per period).
    static func accrue(in context: ServiceContext) async throws -> Int {
        switch context.organisation.lateFeePolicy {
        case .none: return 0
        case .fixedPerStep(let fee): return try await chargeStepFees(fee, in: context)
        case .annualInterest: return try await chargeInterest(in: context)
        }
    }

    private static func chargeStepFees(_ fee: Money, in context: ServiceContext) async throws -> Int {
        struct Reached: Decodable {
            let invoice_id: UUID
            let customer_id: UUID
            let step_key: String
            let balance_minor: Int64
        }
        let sql = try context.db.sql
        // Steps sent after the due date are the overdue ones; the fee is in the default currency,
        // so only invoices in that currency are charged.
        let reached = try await sql.raw(
            """
            SELECT d.invoice_id, i.customer_id, d.step_key, i.balance_minor FROM reminder_deliveries d
            JOIN invoices i ON i.id = d.invoice_id
            LEFT JOIN late_fees f ON f.invoice_id = d.invoice_id AND f.kind = \(bind: LateFeeKind.stepFee.rawValue) AND f.period_key = d.step_key
            WHERE d.organisation_id = \(bind: context.organisationID) AND d.run_on > i.due_date
              AND i.currency = \(bind: fee.currency.code) AND f.id IS NULL
            """
        ).all(decoding: Reached.self)
        var charged = 0
        for row in reached {
            let fee = LateFee(
                organisationID: context.organisationID, customerID: row.customer_id, invoiceID: row.invoice_id,
                kind: .stepFee, periodKey: row.step_key, base: row.balance_minor, amount: fee, on: context.today)
            if try await record(fee, in: context) { charged += 1 }
        }
        return charged
    }

    private static func chargeInterest(in context: ServiceContext) async throws -> Int {
        let schedule = InterestSchedule(policy: context.organisation.lateFeePolicy)
        let recentlySettled = context.clock.now().addingTimeInterval(-Double(settledLookbackDays) * 86_400)
        let invoices = try await Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$dueDate < context.today.addingClamped(days: -1).iso)
            .group(.or) { either in
                either.owed()
                either.group(.and) {
                    $0.filter(\.$status ~~ [.paid, .writtenOff]).filter(\.$updatedAt >= recentlySettled)
                }
            }
            .all()
        var charged = 0
        for start in stride(from: 0, to: invoices.count, by: batchSize) {
            let batch = Array(invoices[start..<min(start + batchSize, invoices.count)])
            let ids = try batch.map { try $0.requireID() }
            let allocations = Dictionary(
                grouping: try await Allocation.query(on: context.db).filter(\.$invoice.$id ~~ ids).all(),
                by: \.$invoice.id)
            let existing = Set(
                try await LateFee.query(on: context.db).filter(\.$invoice.$id ~~ ids).filter(\.$kind == .interest).all()
                    .map { "\($0.$invoice.id)|\($0.periodKey)" })
            for invoice in batch {
                let id = try invoice.requireID()
                let currency = try invoice.currencyValue
                let settlements = try (allocations[id] ?? []).map {
                    InterestSchedule.Settlement(
                        on: try LocalDate(iso: $0.appliedOn),
                        amount: Money(minorUnits: $0.amountMinor, currency: currency))
                }
                for month in schedule.charges(
                    total: try invoice.total, dueDate: try invoice.due, settlements: settlements, before: context.today)
                where !existing.contains("\(id)|\(month.periodKey)") && month.amount.isPositive {
                    let fee = LateFee(
                        organisationID: context.organisationID, customerID: invoice.$customer.id, invoiceID: id,
                        kind: .interest, periodKey: month.periodKey, base: month.openingBalance.minorUnits,
                        amount: month.amount, on: context.today)
                    fee.periodFrom = month.from.iso
                    fee.periodThrough = month.through.iso
                    fee.rateBasisPoints = context.organisation.lateFeePolicy.effectiveBasisPoints.map(Int.init)
                    if try await record(fee, in: context) { charged += 1 }
                }
            }
        }
        return charged
    }

    /// False when another server recorded the same period first.
    private static func record(_ fee: LateFee, in context: ServiceContext) async throws -> Bool {
        do {
            try await context.transaction { tx in
                try await fee.create(on: tx.db)
                try await AuditLog.record(
                    "late_fee.charged", entityType: "invoice", entityID: fee.$invoice.id,
                    details: [
                        "kind": fee.kind.rawValue, "period": fee.periodKey, "amount_minor": String(fee.amountMinor),
                        "currency": fee.currency,
                    ], in: tx)
            }
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }

    static func waive(_ feeID: UUID, reason: String?, in context: ServiceContext) async throws -> LateFee {
        let reason = try FieldParser.text(reason, "reason", maxLength: 500)
        return try await context.transaction { tx in
            guard
                let fee = try await LateFee.query(on: tx.db).filter(\.$id == feeID).filter(
                    \.$organisationID == tx.organisationID
                ).first()
            else {
                throw ServiceError.notFound("late_fee")
            }
            guard fee.status == .charged else {
                throw ServiceError.conflict("late_fee_waived", "This late fee was already waived")
            }
            fee.status = .waived
            fee.waiverReason = reason
            fee.waivedBy = tx.actor.name
            fee.waivedAt = tx.clock.now()
            try await fee.save(on: tx.db)
            try await AuditLog.record(
                "late_fee.waived", entityType: "invoice", entityID: fee.$invoice.id,
                details: [
                    "late_fee_id": feeID.uuidString, "amount_minor": String(fee.amountMinor), "currency": fee.currency,
                    "reason": reason,
                ], in: tx)
            return fee
        }
    }

    static func fees(
        customerID: UUID? = nil, invoiceID: UUID? = nil, status: LateFeeStatus? = nil, on db: any Database,
        organisationID: UUID
    ) async throws -> [LateFee] {
        var query = LateFee.query(on: db).filter(\.$organisationID == organisationID)
        if let customerID { query = query.filter(\.$customer.$id == customerID) }
        if let invoiceID { query = query.filter(\.$invoice.$id == invoiceID) }
        if let status { query = query.filter(\.$status == status) }
        return try await query.sort(\.$chargedOn).sort(\.$periodKey).all()
    }

    /// What the customer owes in fees that were charged and not waived, per currency.
    static func outstanding(_ fees: [LateFee]) -> [String: Int64] {
        fees.filter { $0.status == .charged }.reduce(into: [:]) {
            $0[$1.currency, default: 0] = $0[$1.currency, default: 0].saturatingAdding($1.amountMinor)
        }
    }
}

extension LateFee {
    convenience init(
        organisationID: UUID, customerID: UUID, invoiceID: UUID, kind: LateFeeKind, periodKey: String, base: Int64,
        amount: Money, on day: LocalDate
    ) {
        self.init()
        self.organisationID = organisationID
        $customer.id = customerID
        $invoice.id = invoiceID
        self.kind = kind
        self.periodKey = periodKey
        baseMinor = base
        amountMinor = amount.minorUnits
        currency = amount.currency.code
        chargedOn = day.iso
        status = .charged
    }
}
