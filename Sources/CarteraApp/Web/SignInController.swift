import Fluent
import Vapor

/// Sign in and out, the first-run page that creates the first admin, and the language switch.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginPage)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("setup", use: setupPage)
        routes.post("setup", use: setup)
        routes.post("language", use: language)
    }

    struct LoginContext: Encodable {
        let email: String
        let next: String
        let error: String?
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func loginPage(req: Request) async throws -> Response {
        if try await User.query(on: req.db).count() == 0 { return req.redirect(to: "/setup") }
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let next = (try? req.query.get(String.self, at: "next")) ?? "/"
        return try await req.render("login", title: "login.title", section: "login", LoginContext(email: "", next: safeNext(next), error: nil))
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = form.email ?? ""
        let ip = req.remoteAddress?.ipAddress ?? "unknown"
        do {
            let user = try await UserService.signIn(email: email, password: form.password ?? "", ip: ip, now: req.application.clock.now(), on: req.db)
            try await req.startSession(for: user)
            return req.redirect(to: safeNext(form.next ?? "/"))
        } catch let failure as UserService.SignInFailure {
            let (status, key): (HTTPStatus, String) = failure == .throttled ? (.tooManyRequests, "login.throttled") : (.unauthorized, "login.wrong")
            return try await req.render("login", title: "login.title", section: "login",
                                        LoginContext(email: email, next: safeNext(form.next ?? "/"), error: req.text(key)), status: status)
        }
    }

    func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.signOut()
        return req.redirect(to: "/login")
    }

    struct SetupContext: Encodable {
        let needsOrganisation: Bool
    }

    struct SetupForm: Content {
        var organisationName: String?
        var currency: String?
        var locale: String?
        var timeZone: String?
        var name: String?
        var email: String?
        var password: String?
    }

    /// Only while nobody can sign in: the first admin, and the organisation on a fresh install.
    func setupPage(req: Request) async throws -> Response {
        guard try await User.query(on: req.db).count() == 0 else { return req.redirect(to: "/login") }
        let needsOrganisation = try await Organisation.query(on: req.db).count() == 0
        return try await req.render("setup", title: "setup.title", section: "login", SetupContext(needsOrganisation: needsOrganisation))
    }

    func setup(req: Request) async throws -> Response {
        let form = try req.content.decode(SetupForm.self)
        let cost = req.application.passwordCost
        let user: User = try await WriteIntent.transaction(on: req.db) { db in
            // Checked inside the transaction: two first-run submissions cannot both make an admin.
            guard try await User.query(on: db).count() == 0 else { throw APIError.conflict("already_set_up", "Cartera is already set up: sign in") }
            var defaults = OrganisationSetup.Defaults()
            if let value = form.organisationName, !value.isEmpty { defaults.name = value }
            if let value = form.currency, !value.isEmpty { defaults.currency = value }
            if let value = form.locale, !value.isEmpty { defaults.locale = value }
            if let value = form.timeZone, !value.isEmpty { defaults.timeZone = value }
            let existing = try await Organisation.query(on: db).sort(\.$createdAt).first()
            let organisation = if let existing { existing } else { try await OrganisationSetup.create(defaults, on: db) }
            return try await UserService.create(.init(email: form.email, name: form.name, password: form.password, role: Role.admin.rawValue,
                                                      language: String(organisation.locale.prefix(2))),
                                                organisationID: try organisation.requireID(), passwordCost: cost, on: db)
        }
        try await req.startSession(for: user)
        return req.redirect(to: "/")
    }

    struct LanguageForm: Content { var lang: String? }

    func language(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        if let lang = form.lang, Localizer.supportedLanguages.contains(lang) { req.session.language = lang }
        return req.redirectBack(fallback: "/")
    }

    /// Only paths of this site, so the sign-in page cannot be used to send people elsewhere.
    private func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/"
    }
}
