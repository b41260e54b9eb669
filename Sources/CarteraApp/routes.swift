import Vapor

/// The one route table.
func routes(_ app: Application, config: AppConfig) throws {
    app.get("health") { _ in ["status": "ok"] }
    try app.register(collection: MetricsController(token: config.metricsToken))
    // Signed by the provider, not by an API key; answered in the API's JSON error shape.
    app.post("webhooks", "stripe") { req async throws -> StripeWebhook.Reply in
        guard let stripe = req.application.stripe else { throw ServiceError(.notFound, code: "payments_not_configured", message: "Online payments are not configured") }
        return try await StripeWebhook.handle(req, stripe: stripe)
    }

    let api = app.grouped("api", "v1")
    try api.register(collection: OpenAPIController())

    // API keys carry a role: viewers read, collectors also work accounts, admins change settings.
    let authenticated = api.grouped(APIKeyAuthenticator())
    let collectors = authenticated.grouped(RequireRole.anyWrite)
    let admins = authenticated.grouped(RequireRole.adminWrite)
    try collectors.register(collection: CustomerController())
    try collectors.register(collection: ContactController())
    try collectors.register(collection: InvoiceController())
    try collectors.register(collection: PaymentController())
    try collectors.register(collection: CreditNoteController())
    try collectors.register(collection: AgingController())
    try collectors.register(collection: ReportsController())
    try collectors.register(collection: CollectionController())
    try collectors.register(collection: WorkspaceController())
    try collectors.register(collection: ReconciliationController())
    try collectors.register(collection: ImportController())
    try collectors.register(collection: OutboxController())
    try collectors.register(collection: LateFeeController())
    try collectors.register(collection: InsightsController())
    try admins.register(collection: OrganisationController())
    try admins.register(collection: PolicyController())
    try admins.register(collection: TemplateController())
    try admins.register(collection: ReminderController())
    try admins.register(collection: AdminActionsController())
    try admins.register(collection: APIKeyController())

    // Pages: a server-side session (works across instances: it lives in the database), the signed-in
    // person, CSRF on every form, and errors shown as pages.
    let web = app.grouped(app.sessions.middleware, SessionUserAuthenticator(sessionLifetime: TimeInterval(config.web.sessionHours * 3600)),
                          WebErrorMiddleware(), CSRFProtection())
    try web.register(collection: WebPages())
    // Whatever no route above answers (any GET): a 404 page for browsers, JSON otherwise.
    web.get(.catchall) { _ -> Response in throw UnknownPage() }
}
