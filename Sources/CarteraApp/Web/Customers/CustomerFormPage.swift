import CarteraCore
import Vapor

/// Creating and editing a customer: `GET /customers/new` and `POST /customers`,
/// `GET /customers/<id>/edit` and `POST /customers/<id>` (the page's update, where the API PATCHes).
/// The form posts the API's wire keys, so a refused field comes back next to itself; the handlers
/// turn the form into `CustomerInput` and call `CustomerService`, as the API does.
enum CustomerFormPage {
    /// The form's `_form` name: `layout.forms.customer…` on the page.
    static let formName = "customer"

    static func new(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await CustomerFormData.read(nil, typed: req.session.peekForm(named: formName), in: context)
        return try await render(data, req: req, context: context)
    }

    static func edit(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let data = try await CustomerFormData.read(
            customer, typed: req.session.peekForm(named: formName), in: context)
        return try await render(data, req: req, context: context)
    }

    static func create(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try await req.typedForm(Form.self, amounts: ["credit_limit"])
        var input = form.input
        input.assignedUserId = try form.collector()
        let customer = try await CustomerService.create(input, in: context)
        req.session.flash(req.text("flash.customer_created"))
        return req.redirect(to: AppURL.customer(try customer.requireID()))
    }

    static func update(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        let form = try await req.typedForm(Form.self, amounts: ["credit_limit"])
        let collector = try form.collector()
        let updated = try await CustomerService.update(customer, with: form.input, in: context)
        if updated.assignedUserID != collector {
            _ = try await CustomerService.assign(updated, to: collector, in: context)
        }
        req.session.flash(req.text("flash.customer_saved"))
        return req.redirect(to: AppURL.customer(try customer.requireID()))
    }

    private static func render(_ data: CustomerFormData, req: Request, context: ServiceContext) async throws
        -> Response
    {
        let page = CustomerFormContext(data: data, format: context.pageFormat(language: req.pageLanguage))
        return try await req.render(
            "customers/form", title: data.customer == nil ? "customer_form.new_title" : "customer_form.edit_title",
            section: "customers", page)
    }

    /// The posted form, under the API's wire keys (the service names its fields the same way).
    struct Form: Decodable {
        var legalName: String?
        var taxIdKind: String?
        var taxId: String?
        var paymentTerms: String?
        var creditLimit: String?
        var currency: String?
        var tags: String?
        var language: String?
        var userId: String?
        var doNotContact: String?
        var remindersOff: [String]?
        var addressLine: String?
        var city: String?
        var region: String?
        var postalCode: String?
        var country: String?
        var jurisdiction: String?
        var timeZone: String?
        var notes: String?

        enum CodingKeys: String, CodingKey {
            case legalName = "legal_name", taxIdKind = "tax_id_kind", taxId = "tax_id", paymentTerms = "payment_terms"
            case creditLimit = "credit_limit", currency, tags, language, userId = "user_id"
            case doNotContact = "do_not_contact", remindersOff = "reminders_off", addressLine = "address_line", city
            case region, postalCode = "postal_code", country, notes, jurisdiction, timeZone = "time_zone"
        }

        /// Every field the page shows is posted: an empty one clears it, an unticked box is off.
        var input: CustomerInput {
            CustomerInput(
                legalName: legalName ?? "", taxId: taxId ?? "", taxIdKind: taxIdKind, paymentTerms: paymentTerms,
                currency: currency, creditLimit: creditLimit ?? "", language: language, notes: notes ?? "",
                tags: (tags ?? "").split(separator: ",").map(String.init), doNotContact: doNotContact != nil,
                remindersOff: remindersOff ?? [], collectionPolicyId: nil, addressLine: addressLine ?? "",
                city: city ?? "", region: region ?? "", postalCode: postalCode ?? "", country: country ?? "",
                jurisdiction: jurisdiction ?? "", timeZone: timeZone ?? "")
        }

        /// The chosen collector; empty is nobody.
        func collector() throws -> UUID? {
            guard let userId, !userId.isEmpty else { return nil }
            guard let id = UUID(uuidString: userId) else {
                throw ServiceError.invalid("user_id", code: "unknown_user", "Choose a collector from the list")
            }
            return id
        }
    }
}

extension Session {
    /// The refused form of that name, left for the page's layout to show too (`takeForm` then
    /// `remember`): a page whose selects and rows are built in Swift reads what was typed first.
    func peekForm(named name: String) -> FormMemory? {
        guard let form = takeForm() else { return nil }
        remember(form)
        return form.name == name ? form : nil
    }
}
