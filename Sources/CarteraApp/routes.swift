import Vapor

/// The one route table: every route of the API (`/api/v1`) and of the pages, side by side per section.
/// The middleware groups are built once at the top; the handlers live in the API controllers and page
/// types, stateless values named once below.
func routes(_ app: Application, config: AppConfig) throws {
    // API keys carry a role: viewers read, collectors also work accounts, admins change settings.
    let api = app.grouped("api", "v1")
    let authenticated = api.grouped(APIKeyAuthenticator())
    let collectors = authenticated.grouped(RequireRole.anyWrite)
    let admins = authenticated.grouped(RequireRole.adminWrite)

    // Pages: a server-side session (works across instances: it lives in the database), the signed-in
    // person, CSRF on every form, and errors shown as pages. Reading needs only a sign-in; forms that
    // change accounts need a collector, people and write-offs an admin.
    let web = app.grouped(
        app.sessions.middleware,
        SessionUserAuthenticator(sessionLifetime: TimeInterval(config.web.sessionHours * 3600)),
        WebErrorMiddleware(), CSRFProtection())
    let pages = web.grouped(RequireSignIn())
    let collectorPages = pages.grouped(RequireRole(minimum: .collector))
    let adminPages = pages.grouped(RequireRole(minimum: .admin))
    // The customer's own pages: the token of their link is the only credential.
    let portal = web.grouped("portal", ":token")

    app.get("health") { _ in ["status": "ok"] }
    app.get("metrics", use: MetricsController(token: config.metricsToken).metrics)
    // Signed by the provider, not by an API key; answered in the API's JSON error shape.
    app.post("webhooks", "stripe") { req async throws -> StripeWebhook.Reply in
        guard let stripe = req.application.stripe else {
            throw ServiceError(
                .notFound, code: "payments_not_configured", message: "Online payments are not configured")
        }
        return try await StripeWebhook.handle(req, stripe: stripe)
    }
    api.get("openapi.json", use: OpenAPIController().document)
    // Whatever no route answers (any GET): a 404 page for browsers, JSON otherwise. The router tries it
    // after every other route, wherever it is registered.
    web.get(.catchall) { _ -> Response in throw UnknownPage() }

    let organisation = OrganisationController()
    let policies = PolicyController()
    let policyRules = PolicyRuleController()
    let templates = TemplateController()
    let customers = CustomerController()
    let contacts = ContactController()
    let workspace = WorkspaceController()
    let invoices = InvoiceController()
    let lateFees = LateFeeController()
    let payments = PaymentController()
    let creditNotes = CreditNoteController()
    let collections = CollectionController()
    let reconciliation = ReconciliationController()
    let imports = ImportController()
    let outbox = OutboxController()
    let tasks = TaskController()
    let reminders = ReminderController()
    let holds = HoldController()
    let aging = AgingController()
    let reports = ReportsController()
    let insights = InsightsController()
    let apiKeys = APIKeyController()
    let adminActions = AdminActionsController()
    let customerPages = CustomerPages()
    let invoicePages = InvoicePages()
    let reconciliationPages = ReconciliationPages()
    let importPages = ImportPages()
    let reportPages = ReportPages()
    let signIn = SignInController()
    let account = AccountPages()
    let people = PeoplePage()
    let settings = SettingsPages(defaultReminderHour: config.scheduler.reminderHour)
    let apiKeyPages = APIKeysPage()
    let portalPages = PortalPages()

    do { // organisation & settings
        admins.get("organisation", use: organisation.show) // API
        admins.patch("organisation", use: organisation.update)
        adminPages.get("settings", use: settings.organisation) // pages
        adminPages.post("settings", use: settings.saveOrganisation)
        adminPages.post("settings", "payment", use: settings.savePayment)
        adminPages.post("settings", "bank-accounts", use: settings.addBankAccount)
        adminPages.post("settings", "bank-accounts", ":index", "remove", use: settings.removeBankAccount)
        adminPages.get("settings", "reminders", use: settings.reminders)
        adminPages.post("settings", "reminders", use: settings.saveReminders)
        adminPages.post("settings", "holidays", use: settings.addHolidays)
        adminPages.post("settings", "holidays", "remove", use: settings.removeHoliday)
        adminPages.get("settings", "rates", use: settings.rates)
        adminPages.post("settings", "rates", use: settings.saveRates)
        adminPages.get("settings", "letters", use: LetterheadSettingsPage.render)
        adminPages.post("settings", "letters", use: LetterheadSettingsPage.save)
        admins.get("policies", use: policies.list)
        admins.post("policies", use: policies.create)
        admins.get("policies", ":policyID", use: policies.show)
        admins.patch("policies", ":policyID", use: policies.update)
        admins.delete("policies", ":policyID", use: policies.delete)
        admins.get("policy-rules", use: policyRules.list)
        admins.put("policy-rules", use: policyRules.replace)
        admins.get("templates", use: templates.list)
        admins.post("templates", "preview", use: templates.preview)
        admins.put("templates", ":key", ":language", ":channel", use: templates.save)
        admins.delete("templates", ":key", ":language", ":channel", use: templates.reset)
        pages.get("policies", use: PoliciesPage.render) // pages: everyone reads, admins change
        adminPages.post("policies", use: PoliciesPage.create)
        adminPages.post("policies", "rules", use: PolicyRulesPage.add)
        adminPages.post("policies", "rules", ":index", ":action", use: PolicyRulesPage.change)
        pages.get("policies", ":policyID", use: PolicyPage.render)
        collectorPages.post("policies", ":policyID", "preview", use: PolicyPage.preview)
        adminPages.post("policies", ":policyID", use: PolicyPage.save)
        adminPages.post("policies", ":policyID", "customers", use: PolicyPage.assign)
        pages.get("templates", use: TemplatesPage.render)
        pages.get("templates", ":key", ":language", ":channel", use: TemplatePage.render)
        collectorPages.post("templates", ":key", ":language", ":channel", "preview", use: TemplatePage.preview)
        adminPages.post("templates", ":key", ":language", ":channel", use: TemplatePage.save)
        adminPages.post("templates", ":key", ":language", ":channel", "reset", use: TemplatePage.reset)
    }

    do { // customers
        collectors.get("customers", use: customers.list) // API
        collectors.post("customers", use: customers.create)
        collectors.get("customers", ":customerID", use: customers.show)
        collectors.patch("customers", ":customerID", use: customers.update)
        collectors.get("customers", ":customerID", "statement", use: customers.statement)
        collectors.post("customers", ":customerID", "statement", "send", use: workspace.sendStatement)
        collectors.get("customers", ":customerID", "timeline", use: workspace.timeline)
        collectors.post("customers", ":customerID", "notes", use: workspace.addNote)
        collectors.get("customers", ":customerID", "credit-check", use: workspace.creditCheck)
        collectors.post("customers", ":customerID", "credit-hold", use: workspace.placeHold)
        collectors.post("customers", ":customerID", "credit-hold", "release", use: workspace.releaseHold)
        collectors.post("customers", ":customerID", "escalation", use: workspace.escalate)
        collectors.post("customers", ":customerID", "escalation", "recall", use: workspace.recall)
        collectors.post("customers", ":customerID", "assign", use: workspace.assign)
        pages.get("customers", use: CustomerListPage.render) // pages
        pages.get("search", use: SearchPage.render)
        pages.get("customers", ":customerID", use: customerPages.show)
        pages.get("customers", ":customerID", "case-file", use: customerPages.caseFile)
        collectorPages.get("customers", "new", use: CustomerFormPage.new)
        collectorPages.post("customers", use: CustomerFormPage.create)
        collectorPages.get("customers", ":customerID", "edit", use: CustomerFormPage.edit)
        collectorPages.post("customers", ":customerID", use: CustomerFormPage.update)
        collectorPages.post("customers", ":customerID", "statement", "send", use: customerPages.sendStatement)
        collectorPages.post("customers", ":customerID", "notes", use: customerPages.addNote)
        collectorPages.post("customers", ":customerID", "credit-hold", use: customerPages.placeHold)
        collectorPages.post("customers", ":customerID", "credit-hold", "release", use: customerPages.releaseHold)
        collectorPages.post("customers", ":customerID", "escalation", use: customerPages.escalate)
        collectorPages.post("customers", ":customerID", "escalation", "recall", use: customerPages.recall)
        collectorPages.post("customers", ":customerID", "assign", use: customerPages.assign)
    }

    do { // contacts
        collectors.get("customers", ":customerID", "contacts", use: customers.listContacts) // API
        collectors.post("customers", ":customerID", "contacts", use: customers.createContact)
        collectors.get("contacts", ":contactID", use: contacts.show)
        collectors.patch("contacts", ":contactID", use: contacts.update)
        collectors.delete("contacts", ":contactID", use: contacts.delete)
        collectorPages.post("customers", ":customerID", "contacts", use: customerPages.addContact) // pages
        collectorPages.post("customers", ":customerID", "contacts", ":contactID", use: customerPages.updateContact)
    }

    do { // invoices
        collectors.get("invoices", use: invoices.list) // API
        collectors.post("invoices", use: invoices.create)
        collectors.get("invoices", ":invoiceID", use: invoices.show)
        collectors.patch("invoices", ":invoiceID", use: invoices.update)
        collectors.post("invoices", ":invoiceID", "issue", use: invoices.issue)
        collectors.post("invoices", ":invoiceID", "void", use: invoices.void)
        collectors.get("late-fees", use: lateFees.list)
        collectors.post("late-fees", ":lateFeeID", "waive", use: lateFees.waive)
        admins.post("invoices", ":invoiceID", "write-off", use: adminActions.writeOff)
        pages.get("invoices", ":invoiceID", use: invoicePages.show) // pages
        collectorPages.get("invoices", "new", use: InvoiceFormPage.new)
        collectorPages.post("invoices", use: InvoiceFormPage.create)
        collectorPages.get("invoices", ":invoiceID", "edit", use: InvoiceFormPage.edit)
        collectorPages.post("invoices", ":invoiceID", use: InvoiceFormPage.update)
        collectorPages.post("invoices", ":invoiceID", "issue", use: InvoiceFormPage.issue)
        collectorPages.post("invoices", ":invoiceID", "void", use: InvoiceFormPage.void)
        collectorPages.post("late-fees", ":lateFeeID", "waive", use: invoicePages.waiveLateFee)
        adminPages.post("invoices", ":invoiceID", "write-off", use: invoicePages.writeOff)
    }

    do { // payments
        collectors.get("payments", use: payments.list) // API
        collectors.post("payments", use: payments.create)
        collectors.get("payments", ":paymentID", use: payments.show)
        collectors.patch("payments", ":paymentID", use: payments.update)
        collectors.post("payments", ":paymentID", "allocations", use: payments.allocate)
        collectors.post("payments", ":paymentID", "reverse", use: payments.reverse)
        pages.get("payments", "new", use: PaymentFormPage.render) // pages
        pages.get("payments", ":paymentID", use: PaymentReceiptPage.render)
        collectorPages.post("payments", use: PaymentFormPage.record)
        collectorPages.post("payments", ":paymentID", "reverse", use: PaymentReceiptPage.reverse)
    }

    do { // credit notes
        collectors.get("credit-notes", use: creditNotes.list) // API
        collectors.post("credit-notes", use: creditNotes.create)
        collectors.get("credit-notes", ":creditNoteID", use: creditNotes.show)
        collectors.patch("credit-notes", ":creditNoteID", use: creditNotes.update)
        collectors.post("credit-notes", ":creditNoteID", "allocations", use: creditNotes.allocate)
        pages.get("credit-notes", "new", use: CreditNoteFormPage.render) // pages
        collectorPages.post("credit-notes", use: CreditNoteFormPage.create)
    }

    do { // collections: worklist, tasks, calls, promises, disputes, payment plans
        collectors.get("worklist", use: workspace.worklist) // API
        collectors.post("worklist", "assign", use: workspace.assignMany)
        collectors.post("worklist", "statements", use: workspace.sendStatements)
        collectors.get("tasks", use: tasks.list)
        collectors.post("tasks", use: tasks.create)
        collectors.post("tasks", "complete", use: tasks.completeMany)
        collectors.post("tasks", ":taskID", "reschedule", use: tasks.reschedule)
        collectors.post("tasks", ":taskID", "complete", use: tasks.complete)
        collectors.get("customers", ":customerID", "calls", use: workspace.listCalls)
        collectors.post("customers", ":customerID", "calls", use: workspace.logCall)
        collectors.get("customers", ":customerID", "promises", use: collections.listPromises)
        collectors.post("customers", ":customerID", "promises", use: collections.createPromise)
        collectors.post("invoices", ":invoiceID", "disputes", use: collections.openDispute)
        collectors.post("disputes", ":disputeID", "resolve", use: collections.resolveDispute)
        collectors.get("customers", ":customerID", "payment-plans", use: workspace.listPlans)
        collectors.post("customers", ":customerID", "payment-plans", use: workspace.createPlan)
        collectors.post("payment-plans", ":planID", "cancel", use: workspace.cancelPlan)
        pages.get("worklist", use: WorklistPage.render) // pages
        collectorPages.post("worklist", "assign", use: WorklistPage.assignMany)
        collectorPages.post("worklist", "statements", use: WorklistPage.sendStatements)
        pages.get("tasks", use: TasksPage.render)
        collectorPages.post("tasks", use: TasksPage.create)
        collectorPages.post("tasks", "complete", use: TasksPage.completeMany)
        collectorPages.post("tasks", ":taskID", "reschedule", use: TasksPage.reschedule)
        collectorPages.post("tasks", ":taskID", "complete", use: customerPages.completeTask)
        collectorPages.post("customers", ":customerID", "calls", use: customerPages.logCall)
        collectorPages.post("customers", ":customerID", "promises", use: customerPages.addPromise)
        collectorPages.post("invoices", ":invoiceID", "disputes", use: invoicePages.openDispute)
        collectorPages.post("disputes", ":disputeID", "resolve", use: invoicePages.resolveDispute)
        collectorPages.post("customers", ":customerID", "payment-plans", use: customerPages.addPlan)
        collectorPages.post("payment-plans", ":planID", "cancel", use: customerPages.cancelPlan)
    }

    // reconciliation; statements stream to a temporary file up to CARTERA_UPLOAD_LIMIT_MB (413 past it), see `StreamedUpload`
    do {
        collectors.on(.POST, "bank-statements", body: .stream, use: reconciliation.importStatement) // API
        collectors.get("bank-transactions", use: reconciliation.list)
        collectors.post("bank-transactions", ":transactionID", "match", use: reconciliation.match)
        collectors.post("bank-transactions", ":transactionID", "ignore", use: reconciliation.ignore)
        pages.get("reconciliation", use: reconciliationPages.show) // pages
        collectorPages.on(.POST, "reconciliation", "import", body: .stream, use: reconciliationPages.upload)
            .verifiesFormTokenItself()
        collectorPages.post("reconciliation", ":transactionID", "match", use: reconciliationPages.match)
        collectorPages.post("reconciliation", ":transactionID", "ignore", use: reconciliationPages.ignore)
    }

    do { // imports & exports; uploads stream to a temporary file up to CARTERA_UPLOAD_LIMIT_MB, see `StreamedUpload`
        collectors.on(.POST, "imports", body: .stream, use: imports.importFile) // API
        collectors.get("exports", "customers.csv") { try await ImportController.csv($0, CSVExports.customers) }
        collectors.get("exports", "invoices.csv") { try await ImportController.csv($0, CSVExports.invoices) }
        collectors.get("exports", "payments.csv") { try await ImportController.csv($0, CSVExports.payments) }
        collectors.get("exports", "aging.csv") { try await ImportController.csv($0, CSVExports.aging) }
        pages.get("import", use: importPages.form) // pages
        pages.get("import", ":uploadID", use: importPages.preview)
        pages.get("import", ":uploadID", "progress", use: importPages.progress)
        pages.get("exports", ":file", use: importPages.export)
        collectorPages.on(.POST, "import", body: .stream, use: importPages.upload).verifiesFormTokenItself()
        collectorPages.post("import", ":uploadID", "mapping", use: importPages.remap)
        collectorPages.post("import", ":uploadID", "commit", use: importPages.commit)
    }

    do { // outbox & reminders
        collectors.get("outbox", use: outbox.list) // API
        collectors.get("outbox", ":messageID", use: outbox.show)
        collectors.get("outbox", ":messageID", "letter", use: outbox.letter)
        collectors.post("outbox", ":messageID", "retry", use: outbox.retry)
        collectors.post("outbox", ":messageID", "cancel", use: outbox.cancel)
        collectors.post("outbox", ":messageID", "posted", use: outbox.posted)
        pages.get("messages", use: MessagesPage.render) // pages
        pages.get("messages", ":messageID", use: MessagePage.render)
        pages.get("messages", ":messageID", "view", use: MessagePage.view)
        collectorPages.post("messages", ":messageID", "retry", use: MessagePage.retry)
        collectorPages.post("messages", ":messageID", "cancel", use: MessagePage.cancel)
        pages.get("letters", use: LettersPage.render) // letters: everyone reads and prints, collectors post
        pages.get("letters", "print", use: LettersPage.printAll)
        pages.get("letters", ":messageID", use: LettersPage.show)
        pages.get("letters", ":messageID", "print", use: LettersPage.printOne)
        collectorPages.post("letters", "posted", use: LettersPage.markPosted)
        collectorPages.post("letters", ":messageID", "posted", use: LettersPage.markOnePosted)
        collectors.get("customers", ":customerID", "messages", use: collections.customerMessages)
        admins.get("reminders", "dry-run", use: reminders.dryRun)
        admins.post("reminders", "run", use: reminders.run)
        admins.get("invoices", ":invoiceID", "reminders", use: reminders.invoiceReminders)
        collectors.post("invoices", ":invoiceID", "hold", use: holds.place) // a person's pause of one invoice
        collectors.post("invoices", ":invoiceID", "hold", "release", use: holds.release)
        pages.get("outgoing", use: OutgoingPage.render) // what the next run sends
        collectorPages.post("outgoing", "skip", use: OutgoingPage.skip)
        collectorPages.post("outgoing", "skip", "undo", use: OutgoingPage.undoSkip)
        adminPages.post("outgoing", "pause", use: OutgoingPage.pause)
        collectorPages.post("invoices", ":invoiceID", "hold", use: invoicePages.placeHold)
        collectorPages.post("invoices", ":invoiceID", "hold", "release", use: invoicePages.releaseHold)
    }

    do { // reports, aging, forecast & insights
        collectors.get("aging", use: aging.summary) // API
        collectors.get("forecast", use: reports.forecast)
        collectors.get("forecast.csv", use: reports.forecastCSV)
        collectors.get("reports", "aging-by-customer", use: reports.agingByCustomer)
        collectors.get("reports", "aging-by-customer.csv", use: reports.agingByCustomerCSV)
        collectors.get("reports", "aging-by-collector", use: reports.agingByCollector)
        collectors.get("reports", "aging-by-collector.csv", use: reports.agingByCollectorCSV)
        collectors.get("reports", "collection", use: reports.collection)
        collectors.get("reports", "collection.csv", use: reports.collectionCSV)
        collectors.get("customers", ":customerID", "risk", use: insights.risk)
        collectors.get("invoices", ":invoiceID", "prediction", use: insights.prediction)
        pages.get("forecast", use: ForecastPage.render) // pages
        pages.get("forecast.csv", use: ForecastPage.csv)
        pages.get("reports", use: reportPages.index)
        pages.get("reports", "collection.csv", use: reportPages.collectionCSV)
        pages.get("reports", "aging-by-customer.csv") { try await reportPages.agingCSV($0, byCollector: false) }
        pages.get("reports", "aging-by-collector.csv") { try await reportPages.agingCSV($0, byCollector: true) }
    }

    do { // API keys
        admins.post("api-keys", ":apiKeyID", "revoke", use: apiKeys.revoke) // API
        adminPages.get("settings", "api-keys", use: apiKeyPages.index) // pages
        adminPages.post("settings", "api-keys", use: apiKeyPages.create)
        adminPages.post("settings", "api-keys", ":apiKeyID", "revoke", use: apiKeyPages.revoke)
    }

    do { // sign-in, home, account & users
        web.get("login", use: signIn.loginPage) // pages
        web.post("login", use: signIn.login)
        web.post("logout", use: signIn.logout)
        web.get("setup", use: signIn.setupPage)
        web.post("setup", use: signIn.setup)
        web.post("language", use: signIn.language)
        pages.get(use: DashboardPage.render)
        pages.get("account", "password", use: account.form)
        pages.post("account", "password", use: account.change)
        collectorPages.post("account", "digest", use: account.saveDigest) // viewers get no digest
        adminPages.get("users") { $0.redirect(to: AppURL.people, redirectType: .permanent) }
        adminPages.get("settings", "people", use: people.index)
        adminPages.post("settings", "people", use: people.create)
        adminPages.post("settings", "people", ":userID", use: people.update)
        adminPages.post("settings", "people", ":userID", "password", use: people.resetPassword)
        adminPages.post("settings", "people", ":userID", "sign-out", use: people.signOutEverywhere)
    }

    do { // portal
        collectors.post("customers", ":customerID", "portal-links", use: workspace.createPortalLink) // API
        collectors.post("customers", ":customerID", "portal-links", "revoke", use: workspace.revokePortalLinks)
        collectorPages.post("customers", ":customerID", "portal-links", use: customerPages.createPortalLink) // pages
        portal.get(use: portalPages.show)
        portal.get("invoices", ":invoiceID", use: portalPages.invoice)
        portal.get("statement.csv", use: portalPages.statementCSV)
        portal.post("promise", use: portalPages.promise)
        portal.post("dispute", use: portalPages.dispute)
        portal.post("plan-request", use: portalPages.planRequest)
        portal.post("pay", ":invoiceID", use: portalPages.pay)
        portal.get("preferences", use: portalPages.preferences)
        portal.post("preferences", ":contactID", use: portalPages.savePreferences)
    }

    do { // admin: the audit trail (everyone may read it)
        admins.get("audit-events", use: adminActions.auditEvents) // API
        pages.get("audit", use: AuditPage.render) // pages
    }
}
