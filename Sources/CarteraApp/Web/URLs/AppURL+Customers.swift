import Foundation

/// The customer list, one customer's page and the forms posted from it.
extension AppURL {
    static func customers(q: String, page: Int) -> String { customers + query(["q": q, "page": String(page)]) }

    static func customer(_ id: some CustomStringConvertible) -> String { path("customers", id) }
    /// The new-customer form; it posts to `customers`. The edit form posts to `customer(id)`.
    static let customerNew = "/customers/new"
    static func customerEdit(_ id: UUID) -> String { path("customers", id, "edit") }
    static func customerCaseFile(_ id: UUID) -> String { path("customers", id, "case-file") }
    static func customerCaseFile(_ id: UUID, format: String) -> String {
        customerCaseFile(id) + query(["format": format])
    }

    /// A form posted from the customer page, at the same path as the API's action under `/api/v1`.
    static func customerForm(_ id: UUID, _ action: CustomerAction) -> String { path("customers", id) + action.rawValue }
    static func customerContact(_ id: UUID, contact: UUID) -> String { path("customers", id, "contacts", contact) }

    static func taskComplete(_ id: UUID) -> String { path("tasks", id, "complete") }
    static func planCancel(_ id: UUID) -> String { path("payment-plans", id, "cancel") }

    /// What can be posted to `/customers/<id>/…`: the same names as the API's (`/api/v1/customers/<id>/…`).
    enum CustomerAction: String {
        case contacts = "/contacts", calls = "/calls", notes = "/notes", promises = "/promises", assign = "/assign"
        case plans = "/payment-plans"
        case hold = "/credit-hold", release = "/credit-hold/release"
        case escalate = "/escalation", recall = "/escalation/recall"
        case statement = "/statement/send"
        case portalLink = "/portal-links"
    }
}
