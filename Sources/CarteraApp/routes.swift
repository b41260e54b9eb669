import Vapor

/// The one route table.
func routes(_ app: Application) throws {
    app.get("health") { _ in ["status": "ok"] }

    let api = app.grouped("api", "v1")
    try api.register(collection: OpenAPIController())

    let authenticated = api.grouped(APIKeyAuthenticator())
    try authenticated.register(collection: OrganisationController())
    try authenticated.register(collection: CustomerController())
    try authenticated.register(collection: ContactController())
    try authenticated.register(collection: InvoiceController())
    try authenticated.register(collection: PaymentController())
    try authenticated.register(collection: CreditNoteController())
    try authenticated.register(collection: AgingController())
    try authenticated.register(collection: PolicyController())
    try authenticated.register(collection: TemplateController())
    try authenticated.register(collection: OutboxController())
    try authenticated.register(collection: ReminderController())
    try authenticated.register(collection: CollectionController())
}
