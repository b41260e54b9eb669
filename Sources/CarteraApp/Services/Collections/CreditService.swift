import CarteraCore
import Fluent
import Foundation
import Vapor

/// Credit limit and credit hold: selling past the limit, or to a customer long overdue, is stopped.
/// Automatic holds are derived from the ledger every time they are asked for, so they can never be
/// out of date; only manual holds are stored.
enum CreditService {
    struct Assessment {
        let standing: CreditCheck.Standing
        let decision: CreditCheck.Decision
    }

    static func assess(_ customer: Customer, sale: Money? = nil, in context: ServiceContext) async throws -> Assessment
    {
        let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .owed().all()
        return try assess(customer, open: open, sale: sale, organisation: context.organisation, today: context.today)
    }

    /// The check from owed invoices already read (the customer page has them).
    static func assess(
        _ customer: Customer, open: [Invoice], sale: Money? = nil, organisation: Organisation, today: LocalDate
    ) throws -> Assessment {
        let currency = try Currency(code: customer.currency)
        let rates = try referenceRates(organisation, base: currency)
        var exposure = Int64(0)
        // Saturating: an exposure past Int64 is over every limit, which is all the check asks.
        for invoice in open {
            exposure = exposure.saturatingAdding(rates.convert(try invoice.balance)?.minorUnits ?? 0)
        }
        let oldest = try open.map { daysPastDue(dueDate: try $0.due, asOf: today) }.max() ?? 0
        let standing = CreditCheck.Standing(
            exposure: Money(minorUnits: exposure, currency: currency),
            limit: customer.creditLimitMinor.map { Money(minorUnits: $0, currency: currency) },
            oldestDaysOverdue: oldest, manualHoldReason: customer.creditHoldReason,
            sentToCollection: customer.escalatedOn != nil)
        let check = CreditCheck(maximumDaysOverdue: organisation.creditHoldDaysOverdue)
        return Assessment(standing: standing, decision: try check.evaluate(standing, sale: sale.flatMap(rates.convert)))
    }

    /// Rates against `base`: the organisation's are quoted against its own currency, so a customer
    /// billed in another currency only sees amounts in that currency.
    static func referenceRates(_ organisation: Organisation, base: Currency) throws -> ReferenceRates {
        guard base.code == organisation.defaultCurrency else { return try ReferenceRates(base: base, text: "") }
        do { return try ReferenceRates(base: base, text: organisation.referenceRates) } catch let error as DomainError {
            throw ServiceError(error)
        }
    }

    static func placeHold(_ customer: Customer, reason: String?, in context: ServiceContext) async throws -> Customer {
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        guard customer.creditHoldReason == nil else {
            throw ServiceError.conflict("already_on_hold", "The customer is already on credit hold")
        }
        customer.creditHoldReason = why
        customer.creditHoldSince = context.today.iso
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await AuditLog.record(
                "credit.hold_placed", entityType: "customer", entityID: try customer.requireID(),
                details: ["reason": why], in: tx)
            return customer
        }
    }

    static func releaseHold(_ customer: Customer, reason: String?, in context: ServiceContext) async throws -> Customer
    {
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        guard let previous = customer.creditHoldReason else {
            throw ServiceError.conflict("not_on_hold", "The customer has no manual credit hold")
        }
        customer.creditHoldReason = nil
        customer.creditHoldSince = nil
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await AuditLog.record(
                "credit.hold_released", entityType: "customer", entityID: try customer.requireID(),
                details: ["reason": why, "previous_reason": previous], in: tx)
            return customer
        }
    }
}
