import CarteraCore
import Fluent
import Foundation

/// What a customer does on the portal, each in one transaction with its rate-limit record, its
/// audit event and a task for the collector. Refusals are `PortalRefusal`s the portal page shows
/// next to the field; nothing is stored when one is thrown.
enum PortalActions {
    struct PromiseRequest: Sendable {
        var amount: String?
        var promisedOn: String?
        var note: String?
        var invoiceIds: [String]
    }

    struct DisputeRequest: Sendable {
        var invoiceId: String?
        var reason: String?
    }

    struct PlanRequest: Sendable {
        var instalments: String?
        var note: String?
    }

    static let planInstalments = 2...36

    /// "We will pay X on D" for the invoices the customer picked: D within the organisation's
    /// horizon, X at least its minimum share of what they owe, one active portal promise at a time.
    static func promise(
        _ input: PromiseRequest, _ access: PortalLinks.Access, decimal: Character, in context: ServiceContext
    ) async throws -> PromiseResult {
        let limits = context.organisation.portalLimits
        let submission = try await PortalThrottle.admit(.promise, access, in: context)
        let customerID = try access.customer.requireID()
        let ids = try invoiceIDs(input.invoiceIds)
        let invoices = try await Invoice.query(on: context.db).filter(\.$id ~~ ids).filter(
            \.$customer.$id == customerID
        )
        .owed().filter(\.$balanceMinor > 0).all()
        guard invoices.count == ids.count else {
            throw PortalRefusal(.promise, field: "invoiceIds", "promise_invoice_not_owed")
        }
        guard Set(invoices.map(\.currency)).count == 1, let code = invoices.first?.currency,
            let currency = try? Currency(code: code)
        else {
            throw PortalRefusal(.promise, field: "invoiceIds", "promise_one_currency")
        }
        let date = try promisedOn(input.promisedOn, limits: limits, today: context.today)
        let owed = try Money(
            minorUnits: invoices.reduce(Int64(0)) { sum, invoice in
                let (total, overflow) = sum.addingReportingOverflow(invoice.balanceMinor)
                guard !overflow else { throw PortalRefusal(.promise, field: "invoiceIds", "promise_invoice_not_owed") }
                return total
            }, currency: currency)
        let amount = try self.amount(input.amount, currency: currency, decimal: decimal, form: .promise)
        guard amount.minorUnits <= owed.minorUnits else {
            throw PortalRefusal(.promise, field: "amount", "promise_above_owed", ["owed": .money(owed)])
        }
        let minimum = limits.minimumPromise(for: owed)
        guard amount.minorUnits >= minimum.minorUnits else {
            throw PortalRefusal(
                .promise, field: "amount", "promise_below_minimum",
                ["minimum": .money(minimum), "share": .percentage(basisPoints: limits.promiseMinimumBasisPoints)])
        }
        let note = try text(input.note, form: .promise, field: "note", maxLength: 2_000)
        return try await context.transaction { tx in
            try await PortalThrottle.checkDailyRequests(submission, in: tx)
            if let active = try await PortalThrottle.activePortalPromise(customerID: customerID, on: tx.db) {
                throw PortalRefusal(
                    .promise, field: nil, "promise_already_active",
                    [
                        "amount": .money(
                            Money(
                                minorUnits: active.amountMinor,
                                currency: (try? Currency(code: active.currency)) ?? currency)),
                        "date": .date((try? LocalDate(iso: active.promisedOn)) ?? date),
                    ], status: .conflict)
            }
            let promise = try await PromiseService.create(
                for: access.customer,
                PromiseInput(
                    promisedOn: date.iso, amount: amount.decimalString, currency: code, note: note, invoiceIds: ids),
                in: tx)
            try await PortalThrottle.accepted(submission, subject: promise.promise.id, in: tx)
            try await TaskService.create(
                .followUp, for: access.customer, titleKey: "task.portal_promise.title",
                arguments: ["date": organisationDate(date, in: tx), "amount": tx.organisationFormat.money(amount)],
                due: tx.today, invoiceIDs: ids, in: tx)
            return promise
        }
    }

    /// A claim about one owed invoice of the customer: it pauses the invoice's reminders.
    static func dispute(_ input: DisputeRequest, _ access: PortalLinks.Access, in context: ServiceContext) async throws
        -> Dispute
    {
        let submission = try await PortalThrottle.admit(.dispute, access, in: context)
        guard let id = input.invoiceId.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }) else {
            throw PortalRefusal(.dispute, field: "invoiceId", "dispute_not_owed")
        }
        guard
            let invoice = try await Invoice.query(on: context.db).filter(\.$id == id).filter(
                \.$customer.$id == access.customer.requireID()
            )
            .owed().filter(\.$balanceMinor > 0).first()
        else { throw PortalRefusal(.dispute, field: "invoiceId", "dispute_not_owed") }
        guard let reason = try text(input.reason, form: .dispute, field: "reason", maxLength: 1_000) else {
            throw PortalRefusal(.dispute, field: "reason", "dispute_reason_missing")
        }
        return try await context.transaction { tx in
            try await PortalThrottle.checkDailyRequests(submission, in: tx)
            let open = try await Dispute.query(on: tx.db).filter(\.$invoice.$id == id).filter(\.$status == .open)
                .count()
            guard open == 0 else {
                throw PortalRefusal(
                    .dispute, field: "invoiceId", "dispute_already_open", ["number": .text(invoice.number)],
                    status: .conflict)
            }
            let dispute: Dispute
            do {
                dispute = try await DisputeService.open(on: invoice, DisputeInput(reason: reason, amount: nil), in: tx)
            } catch let error as ServiceError {
                throw PortalRefusal(.dispute, error, fields: ["invoice": "invoiceId", "reason": "reason"])
            }
            try await PortalThrottle.accepted(submission, subject: try dispute.requireID(), in: tx)
            try await TaskService.create(
                .followUp, for: access.customer, titleKey: "task.portal_dispute.title",
                arguments: ["number": invoice.number],
                due: tx.today, invoiceIDs: [id], in: tx)
            return dispute
        }
    }

    /// A request, not a plan: it lands as a note and a task; the collector agrees the terms.
    static func planRequest(_ input: PlanRequest, _ access: PortalLinks.Access, in context: ServiceContext) async throws
    {
        let submission = try await PortalThrottle.admit(.planRequest, access, in: context)
        guard let count = input.instalments.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            planInstalments.contains(count)
        else {
            throw PortalRefusal(
                .planRequest, field: "instalments", "plan_instalments",
                ["min": .number(planInstalments.lowerBound), "max": .number(planInstalments.upperBound)])
        }
        let owed = try await Invoice.query(on: context.db).filter(\.$customer.$id == access.customer.requireID())
            .owed().filter(\.$balanceMinor > 0).count()
        guard owed > 0 else { throw PortalRefusal(.planRequest, field: nil, "nothing_owed") }
        let note = try text(input.note, form: .planRequest, field: "note", maxLength: 2_000)
        let language = context.organisation.language
        let text =
            (context.messaging.localizer.text(
                "portal.plan_request_note", language: language, arguments: ["count": String(count)]) ?? "")
            + (note.map { "\n\($0)" } ?? "")
        try await context.transaction { tx in
            try await PortalThrottle.checkDailyRequests(submission, in: tx)
            let interaction = try await CallService.addNote(for: access.customer, text: text, in: tx)
            try await PortalThrottle.accepted(submission, subject: try interaction.requireID(), in: tx)
            try await TaskService.create(
                .followUp, for: access.customer, titleKey: "task.portal_plan_request.title",
                arguments: ["count": String(count)],
                due: tx.today, in: tx)
        }
    }

    // MARK: - Reading the form

    private static func invoiceIDs(_ raw: [String]) throws -> [UUID] {
        guard !raw.isEmpty else { throw PortalRefusal(.promise, field: "invoiceIds", "promise_no_invoices") }
        guard raw.count <= PortalLimits.invoicesPerPromise else {
            throw PortalRefusal(.promise, field: "invoiceIds", "promise_invoice_not_owed")
        }
        var seen = Set<UUID>()
        var ids: [UUID] = []
        for text in raw {
            guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
                throw PortalRefusal(.promise, field: "invoiceIds", "promise_invoice_not_owed")
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    private static func promisedOn(_ raw: String?, limits: PortalLimits, today: LocalDate) throws -> LocalDate {
        let latest = (try? today.addingClamped(days: limits.promiseMaxDays)) ?? today
        guard let text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw PortalRefusal(.promise, field: "promisedOn", "promise_date_missing")
        }
        let date: LocalDate
        do { date = try LocalDate(iso: text) } catch let error as DomainError where error.code == "date_out_of_range" {
            // A calendar date outside the years Cartera keeps ("9999-12-31") is far too far ahead, or long past.
            if text < today.iso { throw PortalRefusal(.promise, field: "promisedOn", "promise_date_past") }
            throw PortalRefusal(
                .promise, field: "promisedOn", "promise_date_too_far",
                ["latest": .date(latest), "days": .number(limits.promiseMaxDays)])
        } catch {
            throw PortalRefusal(.promise, field: "promisedOn", "promise_date_invalid")
        }
        guard date >= today else { throw PortalRefusal(.promise, field: "promisedOn", "promise_date_past") }
        guard date <= latest else {
            throw PortalRefusal(
                .promise, field: "promisedOn", "promise_date_too_far",
                ["latest": .date(latest), "days": .number(limits.promiseMaxDays)])
        }
        return date
    }

    private static func amount(_ raw: String?, currency: Currency, decimal: Character, form: PortalForm) throws -> Money
    {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PortalRefusal(form, field: "amount", "amount_missing")
        }
        let amount: Money
        do { amount = try PortalAmount.parse(raw, currency: currency, decimal: decimal) } catch {
            switch error {
            case .notAnAmount: throw PortalRefusal(form, field: "amount", "amount_invalid")
            case .tooManyDecimals:
                throw PortalRefusal(
                    form, field: "amount", "amount_decimals", ["decimals": .number(currency.minorUnitExponent)])
            case .tooLarge: throw PortalRefusal(form, field: "amount", "amount_too_large")
            }
        }
        guard amount.minorUnits > 0 else { throw PortalRefusal(form, field: "amount", "amount_invalid") }
        return amount
    }

    private static func text(_ raw: String?, form: PortalForm, field: String, maxLength: Int) throws -> String? {
        guard (raw?.trimmingCharacters(in: .whitespacesAndNewlines).count ?? 0) <= maxLength else {
            throw PortalRefusal(form, field: field, "text_too_long", ["max": .number(maxLength)])
        }
        do { return try FieldParser.optionalText(raw, field, maxLength: maxLength) } catch {
            throw PortalRefusal(form, field: field, "text_invalid")
        }
    }

    /// Dates in a collector's task read as the organisation writes them ("5 abr 2026").
    private static func organisationDate(_ date: LocalDate, in context: ServiceContext) -> String {
        context.organisationFormat.date(date)
    }
}

extension ServiceContext {
    /// Amounts and dates as the organisation writes them, for what its own people read.
    var organisationFormat: MessageComposer {
        MessageComposer(organisation: organisation, localizer: messaging.localizer, language: organisation.language)
    }
}
