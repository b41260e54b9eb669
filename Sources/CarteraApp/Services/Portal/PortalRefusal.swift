import CarteraCore
import Vapor

/// Why the portal refused a form, in terms the page can tell the customer: the form and field at
/// fault, a text key (`ui.portal.error.<reason>`) and what the text needs. Nothing was stored:
/// the action's transaction rolled back, or never began.
struct PortalRefusal: Error, Sendable {
    enum Argument: Sendable {
        case text(String)
        case number(Int)
        case money(Money)
        case date(LocalDate)
        case percentage(basisPoints: Int)
    }

    let form: PortalForm
    /// The form field the message belongs next to; nil for the form as a whole.
    let field: String?
    let reason: String
    let arguments: [String: Argument]
    let status: HTTPStatus

    init(
        _ form: PortalForm, field: String?, _ reason: String, _ arguments: [String: Argument] = [:],
        status: HTTPStatus = .unprocessableEntity
    ) {
        self.form = form
        self.field = field
        self.reason = reason
        self.arguments = arguments
        self.status = status
    }

    /// Any other refusal of a service (a `ServiceError`), placed next to the field it names.
    init(_ form: PortalForm, _ error: ServiceError, fields: [String: String]) {
        let field = error.field.flatMap { named in fields.first { named.hasPrefix($0.key) }?.value }
        let conflict = error.kind == .conflict
        self.init(
            form, field: field, conflict ? "conflict" : "invalid", status: conflict ? .conflict : .unprocessableEntity)
    }
}
