import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Computes customers' summaries from the ledger as of a day: a handful of set-based reads for a
/// group of customers (bound as parameters), then the domain's rules (`RiskProfile`,
/// `WorklistScore`, `AgingBucket`) in Swift. The only definition of every stored figure: the
/// refresh after a change, the day's pass and the check against the ledger all call it.
struct SummaryComputation {
    /// Customers per round of reads: well under both databases' limits on bound parameters.
    static let groupSize = 1_000

    let organisationID: UUID
    let today: LocalDate
    let rates: ReferenceRates
    /// The organisation's part of the payment-date model, the same for every customer of a day.
    let pattern: PaymentDatePredictor.OrganisationPattern?
    let db: any Database

    init(
        organisation: Organisation, today: LocalDate, pattern: PaymentDatePredictor.OrganisationPattern?,
        on db: any Database
    ) throws {
        organisationID = try organisation.requireID()
        self.today = today
        self.pattern = pattern
        rates = try CreditService.referenceRates(organisation, base: try Currency(code: organisation.defaultCurrency))
        self.db = db
    }

    private struct OpenRow: Decodable {
        let id: UUID
        let customer_id: UUID
        let currency: String
        let balance_minor: Int64
        let due_date: String
        let issue_date: String
    }

    private struct HeldRow: Decodable { let invoice_id: UUID }

    private struct DisputeRow: Decodable {
        let invoice_id: UUID
        let customer_id: UUID
        let opened_on: String
    }

    /// The summaries of `customerIDs` that have anything to summarise; customers with nothing owed,
    /// no history and nothing to do get none.
    func summaries(of customerIDs: [UUID]) async throws -> [UUID: CustomerSummary] {
        var result: [UUID: CustomerSummary] = [:]
        for group in customerIDs.chunks(of: Self.groupSize) {
            result.merge(try await summaries(ofGroup: group)) { _, new in new }
        }
        return result
    }

    private func summaries(ofGroup ids: [UUID]) async throws -> [UUID: CustomerSummary] {
        guard !ids.isEmpty else { return [:] }
        let sql = try db.sql
        let org = organisationID
        let day = today.iso
        let open = try await sql.raw(
            """
            SELECT i.id, i.customer_id, i.currency, i.balance_minor, i.due_date, i.issue_date
            FROM \(try db.dialect.invoicesByCustomer("i"))
            WHERE i.organisation_id = \(bind: org) AND i.customer_id IN (\(binds: ids)) AND i.status IN (\(SQLOwed.list))
            """
        ).all(decoding: OpenRow.self)
        let held = Set(
            try await sql.raw(
                """
                SELECT DISTINCT h.invoice_id FROM dunning_holds h JOIN invoices i ON i.id = h.invoice_id
                WHERE h.organisation_id = \(bind: org) AND i.customer_id IN (\(binds: ids))
                  AND \(SQLHold.inForce("h", on: today))
                """
            ).all(decoding: HeldRow.self).map(\.invoice_id))
        let settled = try await PaymentHistory.settledInvoices(organisationID: org, customerIDs: ids, on: db)
        let tasks = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM collection_tasks WHERE customer_id IN (\(binds: ids)) AND organisation_id = \(bind: org) AND status = 'open' AND due_on <= \(bind: day) GROUP BY customer_id"
        )
        let letters = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM collection_tasks WHERE customer_id IN (\(binds: ids)) AND organisation_id = \(bind: org) AND status = 'open' AND kind = \(bind: CollectionTaskKind.letter.rawValue) AND due_on <= \(bind: day) GROUP BY customer_id"
        )
        let broken = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE customer_id IN (\(binds: ids)) AND organisation_id = \(bind: org) AND status = 'broken' GROUP BY customer_id"
        )
        let recentlyBroken = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE customer_id IN (\(binds: ids)) AND organisation_id = \(bind: org) AND status = 'broken' AND promised_on >= \(bind: today.addingClamped(days: -WorklistQuery.recentBrokenPromiseDays).iso) GROUP BY customer_id"
        )
        let promisedToday = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE customer_id IN (\(binds: ids)) AND organisation_id = \(bind: org) AND status = 'active' AND promised_on = \(bind: day) GROUP BY customer_id"
        )
        // Open disputes once for the three figures that count them: per customer, those opened
        // lately, and the invoices under one (the forecast predicts those from disputed history).
        let openDisputes = try await sql.raw(
            """
            SELECT d.invoice_id, i.customer_id, d.opened_on FROM disputes d JOIN invoices i ON i.id = d.invoice_id
            WHERE i.customer_id IN (\(binds: ids)) AND d.organisation_id = \(bind: org) AND d.status = 'open'
            """
        ).all(decoding: DisputeRow.self)
        let newSince = today.addingClamped(days: -WorklistQuery.newDisputeDays).iso
        var disputes: [UUID: Int] = [:]
        var newDisputes: [UUID: Int] = [:]
        for dispute in openDisputes {
            disputes[dispute.customer_id, default: 0] += 1
            if dispute.opened_on >= newSince { newDisputes[dispute.customer_id, default: 0] += 1 }
        }
        let disputedOpen = Set(openDisputes.map(\.invoice_id))
        let plans = try await PaymentPlan.query(on: db).filter(\.$organisationID == org).filter(\.$customer.$id ~~ ids)
            .filter(\.$status == .active).all()
        var plansByCustomer: [UUID: [PaymentPlan]] = [:]
        for plan in plans { plansByCustomer[plan.$customer.id, default: []].append(plan) }

        var openByCustomer: [UUID: [OpenRow]] = [:]
        for row in open { openByCustomer[row.customer_id, default: []].append(row) }
        let paidByCustomer = PaymentHistory.paidByCustomer(settled)
        let predictor = PaymentDatePredictor(organisation: pattern, customerHistory: settled)
        var result: [UUID: CustomerSummary] = [:]
        let everyone = Set(openByCustomer.keys).union(paidByCustomer.keys).union(tasks.keys).union(broken.keys)
            .union(promisedToday.keys).union(disputes.keys).union(plansByCustomer.keys)
        for id in everyone {
            var summary = try figures(
                open: openByCustomer[id] ?? [], held: held, paid: paidByCustomer[id] ?? [],
                tasks: tasks[id] ?? 0, letters: letters[id] ?? 0, broken: broken[id] ?? 0,
                recentlyBroken: recentlyBroken[id] ?? 0, promisedToday: promisedToday[id] ?? 0,
                disputes: disputes[id] ?? 0, newDisputes: newDisputes[id] ?? 0)
            try await expect(
                &summary, customer: id, open: openByCustomer[id] ?? [], plans: plansByCustomer[id] ?? [],
                disputed: disputedOpen, predictor: predictor)
            result[id] = summary
        }
        return result
    }

    /// The customer's part of the cash forecast, by the rules `CollectionsForecast` states: invoices in
    /// an active plan are expected as the plan's unpaid instalments on their due dates, every other
    /// open invoice on the day the payment-date model predicts (its due date without any history).
    private func expect(
        _ summary: inout CustomerSummary, customer: UUID, open: [OpenRow], plans: [PaymentPlan], disputed: Set<UUID>,
        predictor: PaymentDatePredictor
    ) async throws {
        let firstMonday = today.addingClamped(days: 1 - today.weekday)
        var amounts: [String: [Int: Int64]] = [:]
        func add(_ amount: Int64, _ currency: String, on date: LocalDate) {
            let week = min(CashForecast.standardWeeks, max(0, firstMonday.days(until: max(date, today)) / 7))
            amounts[currency, default: [:]][week, default: 0] = amounts[currency, default: [:]][week, default: 0]
                .saturatingAdding(amount)
        }
        var planned = Set<UUID>()
        for plan in plans {
            planned.formUnion(plan.coveredInvoiceIDs)
            for standing in try await PaymentPlanService.standing(of: plan, on: db, asOf: today) {
                let unpaid = try standing.instalment.amount.subtracting(standing.paid)
                guard unpaid.isPositive else { continue }
                add(unpaid.minorUnits, unpaid.currency.code, on: standing.instalment.dueDate)
                summary.planInstalments += 1
            }
        }
        for row in open where !planned.contains(row.id) {
            guard let due = try? LocalDate(iso: row.due_date), let issued = try? LocalDate(iso: row.issue_date) else {
                continue
            }
            let prediction = predictor.predict(
                customer: customer.canonicalText, dueDate: due, invoiceDate: issued, disputed: disputed.contains(row.id)
            )
            if prediction == nil { summary.dueDateInvoices += 1 } else { summary.predictedInvoices += 1 }
            add(row.balance_minor, row.currency, on: prediction?.date ?? due)
        }
        summary.expected = amounts.keys.sorted().flatMap { currency in
            (amounts[currency] ?? [:]).keys.sorted().map { week in
                CustomerSummary.ExpectedWeek(currency: currency, week: week, amount: amounts[currency]?[week] ?? 0)
            }
        }
    }

    private func figures(
        open: [OpenRow], held: Set<UUID>, paid: [RiskProfile.PaidInvoice], tasks: Int, letters: Int, broken: Int,
        recentlyBroken: Int, promisedToday: Int, disputes: Int, newDisputes: Int
    ) throws -> CustomerSummary {
        var balances: [String: CustomerSummary.Balance] = [:]
        var openItems: [RiskProfile.OpenInvoice] = []
        var scored: [WorklistScore.OverdueAmount] = []
        var maximumDays = 0
        var oldest: LocalDate?
        for row in open {
            // A row the app could not have written (a date or currency it refuses) is left out, as before.
            guard let due = try? LocalDate(iso: row.due_date), let currency = try? Currency(code: row.currency) else {
                continue
            }
            let balance = Money(minorUnits: row.balance_minor, currency: currency)
            openItems.append(.init(balance: balance, dueDate: due))
            oldest = min(oldest ?? due, due)
            var entry = balances[row.currency] ?? CustomerSummary.Balance(currency: row.currency)
            entry.invoices += 1
            entry.owed = entry.owed.saturatingAdding(row.balance_minor)
            let bucket = AgingBucket.allCases.firstIndex(of: AgingBucket.bucket(dueDate: due, asOf: today)) ?? 0
            entry.buckets[bucket] = entry.buckets[bucket].saturatingAdding(row.balance_minor)
            let isHeld = held.contains(row.id)
            if isHeld { entry.paused = entry.paused.saturatingAdding(row.balance_minor) }
            if due < today {
                entry.overdue = entry.overdue.saturatingAdding(row.balance_minor)
                if !isHeld {
                    let days = daysPastDue(dueDate: due, asOf: today)
                    maximumDays = max(maximumDays, days)
                    entry.unpausedOverdue = entry.unpausedOverdue.saturatingAdding(row.balance_minor)
                    entry.unpausedOverdueInvoices += 1
                    if let converted = rates.convert(balance) {
                        scored.append(
                            .init(
                                majorUnits: converted.minorUnits / converted.currency.minorUnitsPerMajor,
                                daysOverdue: days))
                    }
                }
            }
            balances[row.currency] = entry
        }
        let profile = RiskProfile(
            paid: paid, open: openItems, asOf: today, brokenPromises: broken, openDisputes: disputes)
        let score = WorklistScore.score(overdue: scored, risk: profile.level, brokenPromises: recentlyBroken)
        var owedBase: Int64 = 0
        var overdueBase: Int64 = 0
        let sorted = balances.keys.sorted().compactMap { balances[$0] }
        for balance in sorted {
            let currency = try Currency(code: balance.currency)
            owedBase = owedBase.saturatingAdding(
                rates.convert(Money(minorUnits: balance.owed, currency: currency))?.minorUnits ?? 0)
            overdueBase = overdueBase.saturatingAdding(
                rates.convert(Money(minorUnits: balance.overdue, currency: currency))?.minorUnits ?? 0)
        }
        return CustomerSummary(
            score: score,
            needsActionToday: tasks > 0 || recentlyBroken > 0 || newDisputes > 0 || promisedToday > 0,
            risk: profile.figures, riskLevel: profile.level, maximumDaysOverdue: maximumDays,
            callTasksDue: tasks - letters, letterTasksDue: letters, recentBrokenPromises: recentlyBroken,
            newDisputes: newDisputes, promisesDueToday: promisedToday, owedBase: owedBase, overdueBase: overdueBase,
            oldestDueDate: oldest, balances: sorted)
    }

    private func counts(_ query: SQLQueryString) async throws -> [UUID: Int] {
        let rows = try await db.sql.raw(query).all(decoding: RiskQuery.CountRow.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.customer_id, Int($0.n)) })
    }
}
