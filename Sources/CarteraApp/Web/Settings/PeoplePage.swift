import Fluent
import Vapor

/// GET/POST /settings/people (the old /users redirects here) — admins create people, change their
/// role or switch them off, set a new password for someone who forgot theirs, and sign someone out
/// everywhere (every session of theirs ends at once, on every instance: sessions live in the database).
struct PeoplePage {
    struct Context: Encodable {
        /// `role` is the value the form sends; `roleLabel` is what people read.
        struct Row: Encodable {
            let id: UUID
            let name: String
            let email: String
            let role: String
            let roleLabel: String
            let active: Bool
            let isMe: Bool
            let links: RowLinks
        }
        struct RowLinks: Encodable {
            let update: String, password: String, signOut: String
            init(_ id: UUID) {
                (update, password, signOut) = (AppURL.user(id), AppURL.userPassword(id), AppURL.userSignOut(id))
            }
        }
        struct Links: Encodable { let create = AppURL.people }
        typealias Option = SelectOption
        let tabs: [SettingsTab]
        let rows: [Row]
        let roles: [Option]
        let links = Links()
    }

    func index(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let users = try await UserService.list(organisationID: me.organisationID, on: req.db)
        return try await req.render(
            "settings/people", title: "users.title", section: "settings",
            Context(
                tabs: SettingsTab.all(current: "people") { req.text($0) },
                rows: try users.map {
                    .init(
                        id: try $0.requireID(), name: $0.name, email: $0.email, role: $0.role.rawValue,
                        roleLabel: req.text("role.\($0.role.rawValue)"),
                        active: $0.disabledAt == nil, isMe: $0.id == me.id, links: .init(try $0.requireID()))
                },
                roles: Role.allCases.map { .init(value: $0.rawValue, label: req.text("role.\($0.rawValue)")) }))
    }

    func create(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let user = try await WriteIntent.transaction(on: req.db) { db in
            let user = try await UserService.create(
                try req.content.decode(UserService.Input.self), organisationID: me.organisationID,
                passwordCost: req.application.passwordCost, on: db)
            let context = try await ServiceContext.make(db: db, actor: me.actor, app: req.application)
            try await AuditLog.record(
                "user.created", entityType: "user", entityID: try user.requireID(),
                details: ["email": user.email, "role": user.role.rawValue], in: context)
            return user
        }
        req.session.flash(req.text("flash.user_created", ["email": user.email]))
        return req.redirect(to: AppURL.people)
    }

    struct UpdateForm: Content {
        var name: String?
        var role: String?
        var active: String?
    }

    /// Another person of the admin's organisation (their own account is changed on /account/password).
    private func other(_ req: Request, me: User) async throws -> User {
        let id = try req.uuidParameter("userID", entity: "user")
        guard
            let user = try await User.query(on: req.db).filter(\.$id == id).filter(
                \.$organisationID == me.organisationID
            ).first()
        else { throw ServiceError.notFound("user") }
        guard user.id != me.id else {
            throw ServiceError.conflict("cannot_change_self", "Ask another admin to change your own role or access")
        }
        return user
    }

    struct PasswordForm: Content { var password: String? }

    /// A new password the admin passes on; the person's sessions end.
    func resetPassword(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let user = try await other(req, me: me)
        let password = try FieldParser.required(try req.content.decode(PasswordForm.self).password, "password")
        try Passwords.validate(password)
        let hash = try await req.application.passwordPool.hash(password, cost: req.application.passwordCost)
        return try await endSessions(
            of: user, by: me, req: req, audit: "user.password_reset", flash: "flash.password_reset"
        ) { id, db in
            try await User.query(on: db).filter(\.$id == id).set(\.$passwordHash, to: hash).update()
        }
    }

    func signOutEverywhere(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        return try await endSessions(
            of: try await other(req, me: me), by: me, req: req, audit: "user.signed_out", flash: "flash.signed_out")
    }

    /// Ends every session of `user` (after `change`, in the same transaction), records it, and goes back to the list.
    private func endSessions(
        of user: User, by me: User, req: Request, audit action: String, flash key: String,
        change: @escaping @Sendable (UUID, any Database) async throws -> Void = { _, _ in }
    ) async throws -> Response {
        let id = try user.requireID()
        let email = user.email
        try await WriteIntent.transaction(on: req.db) { db in
            try await change(id, db)
            try await WebSessions.end(userID: id, on: db)
            let context = try await ServiceContext.make(db: db, actor: me.actor, app: req.application)
            try await AuditLog.record(action, entityType: "user", entityID: id, details: ["email": email], in: context)
        }
        req.session.flash(req.text(key, ["email": email]))
        return req.redirect(to: AppURL.people)
    }

    func update(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let user = try await other(req, me: me)
        let id = try user.requireID()
        let form = try req.content.decode(UpdateForm.self)
        if let name = form.name { user.name = try FieldParser.text(name, "name", maxLength: 120) }
        if let role = form.role { user.role = try FieldParser.enumValue(role, Role.self, "role") }
        if let active = form.active { user.disabledAt = active == "true" ? nil : req.application.clock.now() }
        try await WriteIntent.transaction(on: req.db) { db in
            try await user.save(on: db)
            let context = try await ServiceContext.make(db: db, actor: me.actor, app: req.application)
            try await AuditLog.record(
                "user.updated", entityType: "user", entityID: id,
                details: [
                    "name": user.name, "role": user.role.rawValue, "active": String(user.disabledAt == nil),
                ], in: context)
        }
        req.session.flash(req.text("flash.user_updated", ["email": user.email]))
        return req.redirect(to: AppURL.people)
    }
}
