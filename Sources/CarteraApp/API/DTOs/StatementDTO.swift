import CarteraCore
import Vapor

/// A customer's statement of account: what is open, what credit is unapplied, and how old it is.
struct StatementDTO: Content {
    /// Why an open item is paused today, as the customer is told (the same facts as a message's
    /// status note): `kind` is `dispute`, `promise` or `payment_plan`; `until` the last day a
    /// promise holds (YYYY-MM-DD), absent when open-ended. A collector's own pause is not listed.
    struct Hold: Content {
        let kind: DunningHoldReason
        let until: String?

        init(_ note: HoldNote) {
            kind = note.reason
            until = note.until?.iso
        }
    }

    struct OpenItem: Content {
        let invoiceId: UUID
        let number: String
        let issueDate: String
        let dueDate: String
        let total: String
        let balance: String
        let daysPastDue: Int
        let agingBucket: String
        /// Empty when nothing holds it; a disputed invoice may also be under a promise.
        let holds: [Hold]

        init(_ invoice: StatementItem, asOf: LocalDate, holds: [HoldNote]) throws {
            let due = try invoice.due
            invoiceId = invoice.id
            number = invoice.number
            issueDate = invoice.issueDate
            dueDate = invoice.dueDate
            total = invoice.total.decimalString
            balance = invoice.balance.decimalString
            daysPastDue = CarteraCore.daysPastDue(dueDate: due, asOf: asOf)
            agingBucket = AgingBucket.bucket(dueDate: due, asOf: asOf).rawValue
            self.holds = HoldNote.shown(holds).map(Hold.init)
        }
    }

    struct CurrencySection: Content {
        let currency: String
        let openItems: [OpenItem]
        /// Sum of open invoice balances.
        let openBalance: String
        /// Payments and credit notes not yet applied to an invoice.
        let unappliedCredit: String
        /// open_balance − unapplied_credit: what the customer owes net.
        let netBalance: String
        /// Late fees charged and not waived: owed apart from the invoices, never in their balances.
        let lateFees: String
        let aging: [String: String]

        init(_ section: CustomerStatement.Section, asOf: LocalDate, holds: [UUID: [HoldNote]]) throws {
            currency = section.currency.code
            openItems = try section.openItems.map {
                try OpenItem($0, asOf: asOf, holds: holds[$0.id] ?? [])
            }
            openBalance = section.aging.total.decimalString
            unappliedCredit = section.unappliedCredit.decimalString
            netBalance = section.netBalance.decimalString
            lateFees = section.lateFees.decimalString
            aging = section.aging.wireBuckets
        }
    }

    let customerId: UUID
    let legalName: String
    let asOf: String
    let currencies: [CurrencySection]

    init(_ statement: CustomerStatement) throws {
        customerId = try statement.customer.requireID()
        legalName = statement.customer.legalName
        asOf = statement.asOf.iso
        currencies = try statement.sections.map {
            try CurrencySection($0, asOf: statement.asOf, holds: statement.holds)
        }
    }
}
