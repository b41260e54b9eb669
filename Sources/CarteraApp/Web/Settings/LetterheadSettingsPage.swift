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
        /// The stored parts, under the form's field names (`taxId`, `addressLine`, …).
        let values: LetterheadDTO
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let organisation = context.organisation
        let format = context.pageFormat(language: req.pageLanguage)
        return try await req.render(
            "settings/letters", title: "settings.title", section: "settings",
            Context(
                tabs: SettingsTab.all(current: "letters", format: format), organisation: organisation.name,
                values: LetterheadDTO(organisation)))
    }

    static func save(req: Request) async throws -> Response {
        var input = OrganisationUpdate()
        input.letterhead = try req.content.decode(LetterheadInput.self).withEveryPartGiven()
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
