import CarteraCore
import Foundation
import Vapor

/// What the customer page shows, in words: built from `CustomerPageData` by `init(data:format:links:)`.
struct CustomerPageContext: Encodable {
    struct Summary: Encodable {
        let id: UUID
        let name: String
        let taxId: String
        let terms: String
        let currency: String
        let language: String
        let notes: String
        let tags: String
        let doNotContact: Bool
        let assignedTo: String
        let assignedUserId: String
        let escalatedTo: String?
        let escalatedOn: String?
    }
    struct ContactRow: Encodable {
        let id: UUID
        let url: String
        let name: String
        let role: String
        let roleLabel: String
        let email: String
        let phone: String
        /// Per channel: what the contact said, in words, and the choices to change it.
        let consents: [ConsentRow]
    }
    struct ConsentRow: Encodable {
        /// The form's key (`consent[email]`), not shown.
        let channel: String
        let label: String
        /// "Autorizado", "No desea contacto desde el 3 dic 2026 (en Cartera)".
        let summary: String
        let optedOut: Bool
        let options: [Option]
    }
    struct InvoiceRow: Encodable {
        let id: UUID
        let url: String
        let number: String
        let currency: String
        let issued: String
        let due: String
        let total: String
        let balance: String
        let days: Int
        let bucket: String
        let paused: String?
    }
    struct Figure: Encodable {
        let label: String
        let value: String
    }
    struct Balance: Encodable {
        let currency: String
        let open: String
        let credit: String
        let net: String
        let buckets: [Bucket]
    }
    struct Bucket: Encodable {
        let label: String
        let amount: String
    }
    struct Credit: Encodable {
        let limit: String
        let exposure: String
        let available: String
        let onHold: Bool
        let reasons: [String]
        let manualReason: String?
        let maximumDays: String
    }
    struct PromiseRow: Encodable {
        let amount: String
        let date: String
        let status: String
        let statusLabel: String
        /// "Cubre FE-101, FE-102": the invoices whose reminders it pauses.
        let covers: String
    }
    struct PlanRow: Encodable {
        let id: UUID
        let cancelURL: String
        let status: String
        let statusLabel: String
        let total: String
        let started: String
        let active: Bool
        let instalments: [InstalmentRow]
    }
    struct InstalmentRow: Encodable {
        let number: Int
        let due: String
        let amount: String
        let paid: String
        let state: String
        let stateLabel: String
    }
    struct DisputeRow: Encodable {
        let invoiceId: UUID
        let invoiceURL: String
        let number: String
        let reason: String
        let opened: String
        let amount: String
    }
    struct TaskRow: Encodable {
        let id: UUID
        let completeURL: String
        let title: String
        let due: String
        let overdue: Bool
    }
    struct PaymentRow: Encodable {
        /// The payment's receipt.
        let url: String
        let reversed: Bool
        let date: String
        let amount: String
        let method: String
        let reference: String
        let unapplied: String
    }
    typealias Option = SelectOption

    let customer: Summary
    let contacts: [ContactRow]
    let invoices: [InvoiceRow]
    let balances: [Balance]
    let credit: Credit
    let risk: String
    let riskLabel: String
    let riskReason: String
    let riskFigures: [Figure]
    let promises: [PromiseRow]
    let plans: [PlanRow]
    let disputes: [DisputeRow]
    let tasks: [TaskRow]
    let payments: [PaymentRow]
    let timeline: [TimelineRow]
    let collectors: [Option]
    let outcomes: [Option]
    let contactRoles: [Option]
    /// Today in words, for the case file's header; `today` is the ISO day date inputs take.
    let todayText: String
    let today: String
    /// "1.500.000,50": how amounts are typed here, for the placeholders.
    let amountExample: String
    let links: CustomerPageLinks
    /// "Colombia (Ley 2300 de 2023): lun–vie 7:00–19:00, sáb 8:00–15:00, hora de Bogotá".
    let contactWindow: String
}

extension CustomerPageContext {
    /// Formatting only: words, amounts and dates from what `CustomerPageData.read` found.
    init(data: CustomerPageData, format: PageFormat, links: CustomerPageLinks) throws {
        let customer = data.customer
        let today = data.today
        let customerID = try customer.requireID()
        let text = format.text
        let numbers = Dictionary(data.open.compactMap { invoice in invoice.id.map { ($0, invoice) } }) { first, _ in
            first
        }
        let assessment = data.credit
        let risk = data.risk
        self.init(
            customer: Summary(
                id: customerID, name: customer.legalName, taxId: TaxID.formatted(customer.taxID ?? ""),
                terms: TermsText.words(code: customer.paymentTerms, format: format),
                currency: customer.currency,
                language: text("language.\(customer.language)", [:]), notes: customer.notes,
                tags: customer.tags.joined(separator: ", "),
                doNotContact: customer.doNotContact,
                assignedTo: customer.assignedUserID.flatMap { id in data.users.first { $0.id == id }?.name }
                    ?? text("customer.unassigned", [:]),
                assignedUserId: customer.assignedUserID?.uuidString ?? "", escalatedTo: customer.escalatedTo,
                escalatedOn: customer.escalatedOn.map { format.date($0) }),
            contacts: data.contacts.compactMap { contact in
                contact.id.map { id in
                    ContactRow(
                        id: id, url: AppURL.customerContact(customerID, contact: id), name: contact.name,
                        role: contact.role.rawValue,
                        roleLabel: text("contact.role.\(contact.role.rawValue)", [:]), email: contact.email ?? "",
                        phone: contact.phone ?? "", consents: Self.consentRows(data.consents[id] ?? [:], format: format)
                    )
                }
            },
            invoices: data.open.compactMap { invoice in
                guard let id = invoice.id, let due = try? invoice.due, let total = try? invoice.total,
                    let balance = try? invoice.balance
                else { return nil }
                let holds = data.holds.filter { $0.$invoice.id == id }
                return InvoiceRow(
                    id: id, url: AppURL.invoice(id), number: invoice.number, currency: invoice.currency,
                    issued: format.date(invoice.issueDate),
                    due: format.date(invoice.dueDate), total: format.money(total), balance: format.money(balance),
                    days: daysPastDue(dueDate: due, asOf: today),
                    bucket: AgingBucket.bucket(dueDate: due, asOf: today).rawValue,
                    // What the customer is told (with a promise's date), else the collector's own pause.
                    paused: format.holdNote(holds.map(HoldNote.init))
                        ?? holds.first.map { text("hold.\($0.reason.rawValue)", [:]) })
            },
            balances: data.balances.map { balance in
                Balance(
                    currency: balance.aging.currency.code, open: format.money(balance.aging.total),
                    credit: format.money(balance.unapplied), net: format.money(balance.net),
                    buckets: AgingBucket.allCases.map {
                        Bucket(
                            label: text("aging.\($0.rawValue)", [:]),
                            amount: format.money(balance.aging.buckets[$0] ?? .zero(balance.aging.currency)))
                    })
            },
            credit: Credit(
                limit: assessment.standing.limit.map(format.money) ?? text("credit.no_limit", [:]),
                exposure: format.money(assessment.standing.exposure),
                available: assessment.decision.availableCredit.map(format.money) ?? "—",
                onHold: assessment.decision.onHold,
                reasons: assessment.decision.reasons.map { CreditText.reason($0, text: text, format: format) },
                manualReason: customer.creditHoldReason,
                maximumDays: data.creditHoldDaysOverdue.map(String.init) ?? "—"),
            risk: risk.level.rawValue, riskLabel: text("risk.\(risk.level.rawValue)", [:]),
            riskReason: RiskText.reason(risk, text: text),
            riskFigures: RiskText.figures(risk.profile, format: format),
            promises: data.promises.map {
                PromiseRow(
                    amount: format.money($0.amountMinor, $0.currency), date: format.date($0.promisedOn),
                    status: $0.status.rawValue,
                    statusLabel: text("promise.status.\($0.status.rawValue)", [:]),
                    covers: $0.id.flatMap { data.promiseInvoices[$0] }.map {
                        text("promise.covers", ["invoices": $0.joined(separator: ", ")])
                    } ?? "")
            },
            plans: data.plans.compactMap { item in
                let plan = item.plan
                return plan.id.map { id in
                    PlanRow(
                        id: id, cancelURL: AppURL.planCancel(id), status: plan.status.rawValue,
                        statusLabel: text("plan.status.\(plan.status.rawValue)", [:]),
                        total: format.money(plan.totalMinor, plan.currency), started: format.date(plan.startsOn),
                        active: plan.status == .active,
                        instalments: item.standing.map {
                            InstalmentRow(
                                number: $0.instalment.number, due: format.date($0.instalment.dueDate),
                                amount: format.money($0.instalment.amount),
                                paid: format.money($0.paid), state: $0.state.rawValue,
                                stateLabel: text("plan.instalment.\($0.state.rawValue)", [:]))
                        })
                }
            },
            disputes: data.disputes.map { dispute in
                let invoice = numbers[dispute.$invoice.id]
                return DisputeRow(
                    invoiceId: dispute.$invoice.id, invoiceURL: AppURL.invoice(dispute.$invoice.id),
                    number: invoice?.number ?? "", reason: dispute.reason,
                    opened: format.date(dispute.openedOn),
                    amount: invoice.map { format.money(dispute.amountMinor ?? $0.balanceMinor, $0.currency) } ?? "")
            },
            tasks: data.tasks.compactMap { task in
                task.id.map {
                    TaskRow(
                        id: $0, completeURL: AppURL.taskComplete($0), title: task.title, due: format.date(task.dueOn),
                        overdue: task.dueOn < today.iso)
                }
            },
            payments: data.payments.map {
                PaymentRow(
                    url: $0.id.map(AppURL.payment) ?? "", reversed: $0.reversedOn != nil,
                    date: format.date($0.receivedOn), amount: format.money($0.amountMinor, $0.currency),
                    method: text("payment.method.\($0.method.rawValue)", [:]), reference: $0.reference ?? "",
                    unapplied: format.money($0.unappliedMinor, $0.currency))
            },
            timeline: data.timeline.map { TimelineRow($0, format: format, text: text) },
            collectors: data.users.filter { $0.role.collects && $0.disabledAt == nil }.compactMap { user in
                user.id.map { Option(value: $0.uuidString, label: user.name) }
            },
            outcomes: CallOutcome.allCases.map {
                Option(value: $0.rawValue, label: text("call.outcome.\($0.rawValue)", [:]))
            },
            contactRoles: ContactRole.allCases.map {
                Option(value: $0.rawValue, label: text("contact.role.\($0.rawValue)", [:]))
            },
            todayText: format.date(today), today: today.iso, amountExample: format.amountExample, links: links,
            contactWindow: Self.contactWindow(data.contactRules, format: format))
    }
}

extension CustomerPageContext {
    /// Each channel's consent in words; a channel nobody recorded is authorised (`ConsentState`).
    static func consentRows(_ stored: [ContactChannel: ContactConsent], format: PageFormat) -> [ConsentRow] {
        ContactChannel.allCases.map { channel in
            let row = stored[channel]
            let state = row?.state ?? .authorised
            var summary = format.text("consent.\(state.rawValue)")
            if let row, let day = try? LocalDate(iso: row.changedOn) {
                summary = format.text(
                    "consent.since",
                    [
                        "state": summary, "date": format.date(day),
                        "source": format.text("consent_source.\(row.source.rawValue)"),
                    ])
            }
            return ConsentRow(
                channel: channel.rawValue, label: format.text("contact_channel.\(channel.rawValue)"), summary: summary,
                optedOut: state == .optedOut,
                options: ConsentState.allCases.map {
                    Option(value: $0.rawValue, label: format.text("consent.\($0.rawValue)"), selected: $0 == state)
                })
        }
    }

    /// The customer's contact rules and hours in words.
    static func contactWindow(_ rules: CustomerContactRules, format: PageFormat) -> String {
        let zone = rules.timeZone.identifier
        let zoneName = format.text("time_zone.\(zone)")
        return format.text(
            "customer.contact_window",
            [
                "rules": format.text("jurisdiction.\(rules.rules.jurisdiction.rawValue)"),
                "hours": ContactWindowText.text(
                    rules.rules, localizer: format.composer.localizer, language: format.composer.language),
                "zone": zoneName == "time_zone.\(zone)" ? zone : zoneName,
            ])
    }
}
