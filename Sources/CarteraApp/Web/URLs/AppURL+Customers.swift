import Foundation

/// The customer list, one customer's page and the forms posted from it.
extension AppURL {
    static func customers(q: String, page: Int) -> String { customers + query(["q": q, "page": String(page)]) }

    static func customer(_ id: some CustomStringConvertible) -> String { path("customers", id) }
    static func customerCaseFile(_ id: UUID) -> String { path("customers", id, "case-file") }
    static func customerCaseFile(_ id: UUID, format: String) -> String {
        customerCaseFile(id) + query(["format": format])
    }

    /// A form posted from the customer page: `action` is the last path segment (`hold`, `calls`, `notes` …).
    static func customerForm(_ id: UUID, _ action: CustomerAction) -> String { path("customers", id, action.rawValue) }
    static func customerContact(_ id: UUID, contact: UUID) -> String { path("customers", id, "contacts", contact) }

    static func taskComplete(_ id: UUID) -> String { path("tasks", id, "complete") }
    static func planCancel(_ id: UUID) -> String { path("plans", id, "cancel") }

    /// What can be posted to `/customers/<id>/<action>`.
    enum CustomerAction: String {
        case contacts, calls, notes, promises, plans, hold, release, escalate, recall, statement, assign
        case portalLink = "portal-link"
    }
}
