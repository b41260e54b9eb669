import Vapor

extension Request {
    /// A refused form sent back to a page that may also be shown by a POST (a preview): what was
    /// typed and the reasons (by form field, already in the reader's language) are kept for the next
    /// page, the first reason goes on top, and the browser goes to `page` itself rather than back to
    /// the address it posted from. The same memory as `WebErrorMiddleware` keeps (`FormMemory`).
    func refuseForm(to page: String, errors: [String: String], summary: String) -> Response {
        if var form = FormMemory(request: self) {
            form.errors.merge(errors) { $1 }
            session.remember(form)
        }
        session.flash(summary, kind: .error)
        return redirect(to: page)
    }

    /// A service's refusal as a page's words: the field named by its label (`ui.field.<label>`).
    func refusalText(_ error: ServiceError, label: String?) -> String {
        application.localizer.errorMessage(
            code: error.code, field: label, fallback: error.message, language: pageLanguage, labelled: true)
    }
}
