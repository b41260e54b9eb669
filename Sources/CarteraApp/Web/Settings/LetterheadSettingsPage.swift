import CarteraCore
import Vapor

/// `/settings/letters` (admins): what posted letters carry at their head (tax id, address, phone, email) and
/// who signs them. Saved through `OrganisationService.update`, as the API's `PATCH /api/v1/organisation` with
/// its `letterhead` object.
struct LetterheadSettingsPage {
    struct Context: Encodable {
        let tabs: [SettingsTab]
        let actionURL = AppURL.settingsLetters
        let lettersURL = AppURL.letters
        let organisation: String
        let values: LetterheadForm
    }

    /// The form's fields, named as the page names them; a refusal comes back next to the field.
    struct LetterheadForm: Content {
        var taxId: String?
        var addressLine: String?
        var city: String?
        var region: String?
        var postalCode: String?
        var country: String?
        var phone: String?
        var email: String?
        var signerName: String?
        var signerTitle: String?
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let organisation = context.organisation
        let format = context.pageFormat(language: req.pageLanguage)
        return try await req.render(
            "settings/letters", title: "settings.title", section: "settings",
            Context(
                tabs: SettingsTab.all(current: "letters", format: format), organisation: organisation.name,
                values: LetterheadForm(
                    taxId: organisation.taxID, addressLine: organisation.addressLine, city: organisation.city,
                    region: organisation.region, postalCode: organisation.postalCode, country: organisation.country,
                    phone: organisation.phone, email: organisation.email, signerName: organisation.signerName,
                    signerTitle: organisation.signerTitle)))
    }

    static func save(req: Request) async throws -> Response {
        let form = try req.content.decode(LetterheadForm.self)
        var input = OrganisationUpdate()
        input.letterhead = LetterheadInput(
            taxId: form.taxId ?? "", addressLine: form.addressLine ?? "", city: form.city ?? "",
            region: form.region ?? "", postalCode: form.postalCode ?? "", country: form.country ?? "",
            phone: form.phone ?? "", email: form.email ?? "", signerName: form.signerName ?? "",
            signerTitle: form.signerTitle ?? "")
        do {
            _ = try await OrganisationService.update(input, in: try await req.serviceContext())
        } catch let error as ServiceError {
            // "letterhead.tax_id" → the page's "taxId".
            let part = error.field.map { $0.hasPrefix("letterhead.") ? String($0.dropFirst(11)) : $0 }
            throw ServiceError(
                error.kind, code: error.code, message: error.message, field: part.map(FormMemory.formField))
        }
        req.session.flash(req.text("flash.settings_saved"))
        return req.redirect(to: AppURL.settingsLetters)
    }
}
