import CarteraCore
import Fluent
import Vapor

/// "10 días después del vencimiento (correo)" rather than the step's key.
enum StepText {
    static func describe(_ step: PolicyStep, req: Request) -> String {
        let days = String(abs(step.offsetDays))
        // A first notice goes on the day of the first contact, whatever its offset says.
        let when =
            step.key == PolicyStep.firstNoticeKey
            ? req.text("step.first_notice")
            : step.offsetDays == 0
                ? req.text("step.on_due") : req.text(step.offsetDays < 0 ? "step.before" : "step.after", ["days": days])
        return req.text("step.describe", ["step": when, "channel": req.text("channel.\(step.channel.rawValue)")])
    }

    /// A delivered step by its key: described from the policy when it still has it, else as a step
    /// of an earlier version of the policy (the key is the machine's name, never shown).
    static func describe(key: String, in steps: [PolicyStep], req: Request) -> String {
        steps.first { $0.key == key }.map { describe($0, req: req) } ?? req.text("step.former")
    }
}

/// The invoice page: amounts, settlements, reminder history and the next step, disputes;
/// with the dispute and write-off forms.
struct InvoicePages {
    struct Context: Encodable {
        struct Settlement: Encodable {
            let kind: String
            let amount: String
            let date: String
        }
        struct Reminder: Encodable {
            let step: String
            let date: String
            let subject: String
            let channel: String
            let status: String
        }
        struct DisputeRow: Encodable {
            let id: UUID
            let resolveURL: String
            let reason: String
            let amount: String
            let opened: String
            let open: Bool
            let resolution: String
            let resolved: String
        }
        typealias Option = SelectOption
        struct Links: Encodable {
            let customer: String, disputes: String, writeOff: String
            let newPayment: String, newCreditNote: String
            let edit: String, issue: String, void: String
            let hold: String, holdRelease: String
            init(invoice: UUID, customer: UUID) {
                (hold, holdRelease) = (AppURL.invoiceHold(invoice), AppURL.invoiceHoldRelease(invoice))
                (edit, issue, void) = (
                    AppURL.invoiceEdit(invoice), AppURL.invoiceIssue(invoice), AppURL.invoiceVoid(invoice)
                )
                (self.customer, disputes, writeOff) = (
                    AppURL.customer(customer), AppURL.invoiceDisputes(invoice), AppURL.invoiceWriteOff(invoice)
                )
                newPayment = AppURL.newPayment(customer: customer, invoice: invoice)
                newCreditNote = AppURL.newCreditNote(customer: customer, invoice: invoice)
            }
        }

        let id: UUID
        let number: String
        let customerId: UUID
        let customer: String
        let status: String
        let statusLabel: String
        let currency: String
        let issued: String
        let due: String
        let terms: String
        let total: String
        let settledAmount: String
        let balance: String
        let balancePlain: String
        let days: Int
        let owed: Bool
        let paused: Bool
        let pauseReasons: [String]
        let nextStep: String?
        let nextDate: String?
        let settlements: [Settlement]
        let reminders: [Reminder]
        let disputes: [DisputeRow]
        let hasOpenDispute: Bool
        let resolutions: [Option]
        let lateFees: [LateFeeRow]
        let lateFeesOwed: String?
        let prediction: String?
        let predictionBasis: String?
        let links: Links
        /// A draft can be edited entirely and issued; anything not void with nothing settled can be voided.
        let isDraft: Bool
        let canVoid: Bool
        /// A person paused it (`HoldService.placeManual`): the page offers to end that pause.
        var manuallyHeld = false
        /// The earliest end day of a manual pause (today), as the date field's minimum.
        var holdMin = ""
    }

    func show(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        let customer = try await CustomerService.find(invoice.$customer.id, in: context)
        let format = context.pageFormat(language: req.pageLanguage)
        let status = try await ReminderStatusService.status(of: invoice, customer: customer, in: context)
        let invoiceID = try invoice.requireID()
        let allocations = try await Allocation.query(on: context.db).filter(\.$invoice.$id == invoiceID).sort(
            \.$appliedOn
        ).all()
        let messageIDs = status.deliveries.compactMap { $0.$message.id }
        let messages =
            messageIDs.isEmpty ? [] : try await OutboxMessage.query(on: context.db).filter(\.$id ~~ messageIDs).all()
        let disputes = try await Dispute.query(on: context.db).filter(\.$invoice.$id == invoiceID).sort(
            \.$createdAt, .descending
        ).all()
        let owed = invoice.status.isOwed
        let fees = try await LateFeeService.fees(
            invoiceID: invoiceID, on: context.db, organisationID: context.organisationID)
        let prediction = try await PaymentPredictions.predict(invoice, in: context)
        return try await req.render(
            "invoices/show", title: "invoice.title", section: "customers",
            Context(
                id: invoiceID, number: invoice.number, customerId: try customer.requireID(),
                customer: customer.legalName,
                status: invoice.status.rawValue, statusLabel: req.text("invoice.status.\(invoice.status.rawValue)"),
                currency: invoice.currency,
                issued: format.date(invoice.issueDate), due: format.date(invoice.dueDate),
                terms: TermsText.words(code: invoice.paymentTerms, format: format),
                total: format.money(try invoice.total),
                settledAmount: format.money(invoice.settledMinor, invoice.currency),
                balance: format.money(try invoice.balance), balancePlain: try invoice.balance.decimalString,
                days: daysPastDue(dueDate: try invoice.due, asOf: context.today), owed: owed, paused: status.paused,
                pauseReasons: status.holds.map { hold in
                    if hold.reason == .manual {
                        return req.text(
                            "invoice.manual_hold.note", ["date": format.date(hold.endsOn), "reason": hold.note ?? ""])
                    }
                    let until = hold.endsOn.map { req.text("hold.until", ["date": format.date($0)]) } ?? ""
                    return req.text("hold.\(hold.reason.rawValue)") + until
                },
                nextStep: status.next.map { StepText.describe($0.step, req: req) },
                nextDate: status.next.map { format.date($0.date) },
                settlements: allocations.map {
                    .init(
                        kind: req.text("settlement.\($0.kind.rawValue)"),
                        amount: format.money($0.amountMinor, invoice.currency), date: format.date($0.appliedOn))
                },
                reminders: status.deliveries.map { delivery in
                    let message = messages.first { $0.id == delivery.$message.id }
                    return .init(
                        step: StepText.describe(key: delivery.stepKey, in: status.steps, req: req),
                        date: format.date(delivery.runOn),
                        subject: message?.subject ?? req.text("reminder.task_created"),
                        channel: message.map { req.text("channel.\($0.channel.rawValue)") }
                            ?? req.text("channel.call_task"),
                        status: message.map { req.text("message.status.\($0.status.rawValue)") } ?? "")
                },
                disputes: try disputes.map { dispute in
                    .init(
                        id: try dispute.requireID(), resolveURL: AppURL.disputeResolve(try dispute.requireID()),
                        reason: dispute.reason,
                        amount: format.money(dispute.amountMinor ?? invoice.balanceMinor, invoice.currency),
                        opened: format.date(dispute.openedOn), open: dispute.status == .open,
                        resolution: dispute.resolution.map { req.text("dispute.resolution.\($0)") } ?? "",
                        resolved: format.date(dispute.resolvedOn))
                },
                hasOpenDispute: disputes.contains { $0.status == .open },
                resolutions: DisputeService.Resolution.allCases.map {
                    .init(value: $0.rawValue, label: req.text("dispute.resolution.\($0.rawValue)"))
                },
                lateFees: try fees.map {
                    try LateFeeRow($0, invoiceNumber: invoice.number, format: format, req: req, steps: status.steps)
                },
                lateFeesOwed: LateFeeRow.outstanding(fees, format: format),
                prediction: prediction.map { PredictionText.expected($0, today: context.today, format: format) },
                predictionBasis: prediction.map {
                    req.text("prediction.basis.\($0.basis.rawValue)", ["count": String($0.customerHistoryCount)])
                },
                links: Context.Links(invoice: invoiceID, customer: try customer.requireID()),
                isDraft: invoice.status == .draft,
                canVoid: invoice.status != .void && invoice.status != .writtenOff && invoice.settledMinor == 0,
                manuallyHeld: status.holds.contains { $0.reason == .manual }, holdMin: context.today.iso))
    }

    func openDispute(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        _ = try await DisputeService.open(
            on: invoice, try await req.typedForm(DisputeInput.self, amounts: ["amount"]), in: context)
        req.session.flash(req.text("flash.dispute_opened"))
        return req.redirectBack(fallback: AppURL.invoice(try invoice.requireID()))
    }

    func resolveDispute(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let dispute = try await DisputeService.find(try req.uuidParameter("disputeID", entity: "dispute"), in: context)
        _ = try await DisputeService.resolve(dispute, try req.content.decode(DisputeResolution.self), in: context)
        req.session.flash(req.text("flash.dispute_resolved"))
        return req.redirectBack(fallback: AppURL.invoice(dispute.$invoice.id))
    }

    func waiveLateFee(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let fee = try await LateFeeService.waive(
            try req.uuidParameter("lateFeeID", entity: "late_fee"),
            reason: try req.content.decode(ReasonInput.self).reason, in: context)
        req.session.flash(req.text("flash.late_fee_waived"))
        return req.redirectBack(fallback: AppURL.invoice(fee.$invoice.id))
    }

    func placeHold(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        let hold = try await HoldService.placeManual(
            on: invoice, try req.content.decode(ManualHoldInput.self), in: context)
        let until = context.pageFormat(language: req.pageLanguage).date(hold.endsOn)
        req.session.flash(req.text("flash.invoice_hold_placed", ["date": until]))
        return req.redirectBack(fallback: AppURL.invoice(try invoice.requireID()))
    }

    func releaseHold(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        _ = try await HoldService.releaseManual(on: invoice, in: context)
        req.session.flash(req.text("flash.invoice_hold_released"))
        return req.redirectBack(fallback: AppURL.invoice(try invoice.requireID()))
    }

    func writeOff(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        _ = try await EscalationService.writeOff(
            invoice, reason: try req.content.decode(ReasonInput.self).reason, in: context)
        req.session.flash(req.text("flash.written_off"))
        return req.redirectBack(fallback: AppURL.invoice(try invoice.requireID()))
    }
}
