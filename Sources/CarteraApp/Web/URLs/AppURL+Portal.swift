import Foundation

/// The customer portal, addressed by the secret in the customer's link.
extension AppURL {
    static func portal(_ token: String) -> String { path("portal", token) }
    static func portalStatementCSV(_ token: String) -> String { path("portal", token, "statement.csv") }
    static func portalInvoice(_ token: String, invoice: UUID) -> String { path("portal", token, "invoices", invoice) }
    static func portalPay(_ token: String, invoice: UUID) -> String { path("portal", token, "pay", invoice) }
    static func portalPromise(_ token: String) -> String { path("portal", token, "promise") }
    static func portalDispute(_ token: String) -> String { path("portal", token, "dispute") }
    static func portalPlanRequest(_ token: String) -> String { path("portal", token, "plan-request") }
    static func portalPreferences(_ token: String) -> String { path("portal", token, "preferences") }
    static func portalPreferences(_ token: String, contact: UUID) -> String {
        path("portal", token, "preferences", contact)
    }

    /// Where Stripe Checkout sends the customer back after paying.
    static func portalPaid(_ token: String) -> String { portal(token) + query(["paid": "1"]) }

    /// The full link sent to a customer: the site's public address plus the portal path.
    static func portalLink(_ token: String, publicURL: String) -> String { publicURL + portal(token) }

    /// The contact preferences page under a full portal link: an email knows the link, not its secret.
    static func portalPreferencesLink(portalLink: String) -> String { portalLink + "/preferences" }
}
