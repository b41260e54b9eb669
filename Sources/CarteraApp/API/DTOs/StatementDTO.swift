import CarteraCore
import Vapor

/// A customer's statement of account: what is open, what credit is unapplied, and how old it is.
struct StatementDTO: Content {
    struct OpenItem: Content {
        let invoiceId: UUID
        let number: String
        let issueDate: String
        let dueDate: String
        let total: String
        let balance: String
        let daysPastDue: Int
        let agingBucket: String
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
    }

    let customerId: UUID
    let legalName: String
    let asOf: String
    let currencies: [CurrencySection]
}
