import CarteraCore
import Fluent
import Vapor

/// Sign in and out, the first-run page that creates the first admin (with the code `serve` prints),
/// and the language switch. `next` goes only to paths of this site (`SafeRedirect`).
struct SignInController {
    struct LoginContext: Encodable {
        let email: String
        let next: String
        let error: String?
        let links = Links()
        struct Links: Encodable { let signIn = AppURL.signIn }
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func loginPage(req: Request) async throws -> Response {
        if try await User.query(on: req.db).count() == 0 { return req.redirect(to: AppURL.setup) }
        if req.auth.has(User.self) { return req.redirect(to: AppURL.home) }
        let next = SafeRedirect.path(try? req.query.get(String.self, at: "next"), fallback: AppURL.home)
        return try await req.render(
            "login", title: "login.title", section: "login", LoginContext(email: "", next: next, error: nil))
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = String((form.email ?? "").prefix(320))
        let ip = req.remoteAddress?.ipAddress ?? "unknown"
        let next = SafeRedirect.path(form.next, fallback: AppURL.home)
        do {
            let user = try await SignIn.check(
                email: email, password: form.password ?? "", ip: ip, app: req.application, on: req.db)
            try await req.startSession(for: user)
            return req.redirect(to: next)
        } catch let failure as SignIn.Failure {
            let (status, key): (HTTPStatus, String) =
                failure == .throttled ? (.tooManyRequests, "login.throttled") : (.unauthorized, "login.wrong")
            return try await req.render(
                "login", title: "login.title", section: "login",
                LoginContext(email: email, next: next, error: req.text(key)), status: status)
        }
    }

    func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.signOut()
        return req.redirect(to: AppURL.signIn)
    }

    struct SetupContext: Encodable {
        let needsOrganisation: Bool
        let error: String?
        let links = Links()
        struct Links: Encodable { let setup = AppURL.setup }
        /// The `<select>` of regional formats, one option per `SupportedLocale`.
        let locales = SupportedLocale.allCases.map {
            LocaleOption(value: $0.rawValue, labelKey: "setup.locale.\($0.rawValue)")
        }
        struct LocaleOption: Encodable {
            let value: String
            let labelKey: String
        }
    }

    struct SetupForm: Content {
        var organisationName: String?
        var currency: String?
        var locale: String?
        var timeZone: String?
        var name: String?
        var email: String?
        var password: String?
        var code: String?
    }

    /// Only while nobody can sign in: the first admin, and the organisation on a fresh install.
    func setupPage(req: Request) async throws -> Response {
        guard try await User.query(on: req.db).count() == 0 else { return req.redirect(to: AppURL.signIn) }
        let needsOrganisation = try await Organisation.query(on: req.db).count() == 0
        return try await req.render(
            "setup", title: "setup.title", section: "login",
            SetupContext(needsOrganisation: needsOrganisation, error: nil))
    }

    func setup(req: Request) async throws -> Response {
        let form = try req.content.decode(SetupForm.self)
        guard try await SetupCodes.isValid(form.code, now: req.application.clock.now(), on: req.db) else {
            guard try await User.query(on: req.db).count() == 0 else { return req.redirect(to: AppURL.signIn) }
            let needsOrganisation = try await Organisation.query(on: req.db).count() == 0
            return try await req.render(
                "setup", title: "setup.title", section: "login",
                SetupContext(needsOrganisation: needsOrganisation, error: req.text("setup.wrong_code")),
                status: .forbidden)
        }
        let cost = req.application.passwordCost
        let user: User = try await WriteIntent.transaction(on: req.db) { db in
            // Checked inside the transaction: two first-run submissions cannot both make an admin.
            guard try await User.query(on: db).count() == 0 else {
                throw ServiceError.conflict("already_set_up", "Cartera is already set up: sign in")
            }
            var defaults = OrganisationSetup.Defaults()
            if let value = form.organisationName, !value.isEmpty { defaults.name = value }
            if let value = form.currency, !value.isEmpty { defaults.currency = value }
            if let value = form.locale, !value.isEmpty { defaults.locale = value }
            if let value = form.timeZone, !value.isEmpty { defaults.timeZone = value }
            let existing = try await Organisation.query(on: db).sort(\.$createdAt).first()
            let organisation =
                if let existing { existing } else { try await OrganisationSetup.create(defaults, on: db) }
            let user = try await UserService.create(
                .init(
                    email: form.email, name: form.name, password: form.password, role: Role.admin.rawValue,
                    language: organisation.language),
                organisationID: try organisation.requireID(), passwordCost: cost, on: db)
            try await SetupCodes.discardAll(on: db)
            return user
        }
        try await req.startSession(for: user)
        return req.redirect(to: AppURL.home)
    }

    struct LanguageForm: Content { var lang: String? }

    func language(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        if let lang = form.lang, Localizer.supportedLanguages.contains(lang) { req.session.language = lang }
        return req.redirectBack(fallback: AppURL.home)
    }
}
