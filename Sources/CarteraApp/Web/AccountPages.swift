import CarteraCore
import Fluent
import Vapor

/// GET/POST /account/password — anyone signed in changes their own password. The current one is
/// checked like a sign-in (counted by `LoginThrottle` first, on the password pool), and every
/// other session of the person ends: whoever else had it open is signed out. On the same page,
/// people who work accounts choose whether the morning digest comes to them (POST /account/digest).
struct AccountPages {
    struct Context: Encodable {
        struct Links: Encodable {
            let change = AppURL.accountPassword
            let digest = AppURL.accountDigest
        }
        /// The morning email, for people who work accounts: whether they get it, and when it comes.
        struct Digest: Encodable {
            let wanted: Bool
            let hint: String
            /// The organisation turned it off for everyone: the person's choice waits.
            let organisationOff: Bool
        }
        let minimumLength: Int
        let digest: Digest?
        let links = Links()
    }

    func form(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        var digest: Context.Digest?
        if me.role.collects {
            let organisation = try await req.serviceContext().organisation
            let hour = organisation.reminderHour ?? req.application.reminderSchedule.defaultHour
            digest = Context.Digest(
                wanted: me.outgoingDigest,
                hint: req.text(
                    "account.digest_hint",
                    ["digest_time": "\(StaffDigestDue.hour(reminderHour: hour)):00", "time": "\(hour):00"]),
                organisationOff: !organisation.outgoingDigest)
        }
        return try await req.render(
            "account", title: "account.title", section: "account",
            Context(minimumLength: Passwords.minimumLength, digest: digest))
    }

    struct DigestForm: Content {
        var outgoingDigest: String?
        enum CodingKeys: String, CodingKey { case outgoingDigest = "outgoing_digest" }
    }

    /// POST /account/digest — the person's own "send me the morning digest" (a checkbox: absent is off).
    func saveDigest(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let wanted = try req.content.decode(DigestForm.self).outgoingDigest != nil
        try await UserService.setOutgoingDigest(wanted, for: me, in: try await req.serviceContext())
        if wanted {
            req.session.flash(req.text("flash.digest_on"))
        } else {
            req.session.flash(req.text("flash.digest_off"))
        }
        return req.redirect(to: AppURL.accountPassword)
    }

    struct ChangeForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    func change(req: Request) async throws -> Response {
        let me = try req.auth.require(User.self)
        let form = try req.content.decode(ChangeForm.self)
        let newPassword = try FieldParser.required(form.newPassword, "new_password")
        try Passwords.validate(newPassword, field: "new_password")
        guard newPassword == form.confirmPassword else {
            throw ServiceError.invalid("confirm_password", code: "password_mismatch", "The two new passwords differ")
        }
        let app = req.application
        let throttle = LoginThrottle(db: req.db, now: app.clock.now())
        guard let ticket = try await throttle.admit(email: me.email, ip: req.remoteAddress?.ipAddress ?? "unknown")
        else {
            throw ServiceError(
                .tooManyRequests, code: "sign_in_throttled", message: "Too many wrong passwords: wait 15 minutes")
        }
        let current = form.currentPassword ?? ""
        guard current.utf8.count <= SignIn.maximumPasswordBytes,
            try await app.passwordPool.verify(current, hash: me.passwordHash)
        else {
            throw ServiceError.invalid(
                "current_password", code: "wrong_current_password", "The current password is not right")
        }
        try await throttle.succeeded(ticket)
        let hash = try await app.passwordPool.hash(newPassword, cost: app.passwordCost)
        let keeping = req.session.id
        try await WriteIntent.transaction(on: req.db) { db in
            try await User.query(on: db).filter(\.$id == me.requireID()).set(\.$passwordHash, to: hash).update()
            try await WebSessions.end(userID: try me.requireID(), keeping: keeping, on: db)
            let context = try await ServiceContext.make(db: db, actor: me.actor, app: app)
            try await AuditLog.record(
                "user.password_changed", entityType: "user", entityID: try me.requireID(), in: context)
        }
        req.session.flash(req.text("flash.password_changed"))
        return req.redirect(to: AppURL.accountPassword)
    }
}
