import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import SQLKit
import Vapor

/// The one wiring path shared by the server, the commands and the tests.
public func configure(_ app: Application, config: AppConfig, clock: any AppClock = SystemClock()) async throws {
    app.clock = clock
    _ = CarteraMetrics.registry
    app.localizer = try Localizer.loadBundled()
    app.messaging = Messaging(catalog: try TemplateCatalog.loadBundled(), localizer: app.localizer)
    _ = jsonConfigured
    try configureDatabase(app, config.database, mappedMebibytes: config.sqliteMappedMebibytes)
    if case .sqliteFile = config.database {
        // Write-ahead logging: readers never wait for the writer, a crash loses no committed
        // transaction, and `cartera backup` can copy a snapshot while the server runs.
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    }
    app.migrations.add(Migrations.all)
    app.databases.middleware.use(CustomerSearchFields())

    // Our error middleware replaces Vapor's default so every error has the same JSON shape.
    app.middleware = Middlewares()
    // Outermost, so errors and static files carry the security headers too.
    app.middleware.use(SecurityHeadersMiddleware(publicURL: config.web.publicURL, onlinePayments: config.stripe != nil))
    app.middleware.use(JSONErrorMiddleware())
    app.routes.defaultMaxBodySize = "2mb"
    try configureWeb(app, config.web)
    app.stripe = config.stripe.map(StripeCheckout.init)
    app.importJobs = ImportJobs()
    app.uploadLimit = config.uploadLimitMegabytes * 1_000_000

    try routes(app, config: config)
    app.asyncCommands.use(CreateAPIKeyCommand(), as: "create-api-key")
    app.asyncCommands.use(RevokeAPIKeyCommand(), as: "revoke-api-key")
    app.asyncCommands.use(CreateUserCommand(), as: "create-user")
    app.asyncCommands.use(ImportStatementCommand(), as: "import-statement")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(RunRemindersCommand(), as: "run-reminders")
    app.asyncCommands.use(DeliverOutboxCommand(), as: "deliver-outbox")
    app.asyncCommands.use(BenchDunningCommand(), as: "bench-dunning")
    app.asyncCommands.use(BenchMatchingCommand(), as: "bench-matching")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(OutboxCommand(), as: "outbox")
    app.asyncCommands.use(PoliciesCommand(), as: "policies")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(EvaluatePredictionsCommand(), as: "evaluate-predictions")
    app.asyncCommands.use(VocabularyCommand(), as: "vocabulary")
    app.asyncCommands.use(RebuildSummariesCommand(), as: "rebuild-summaries")

    app.transports = Transports.make(config.delivery, app: app)
    await app.usePasswordPool()
    if config.announcesSetupCode {
        app.lifecycle.use(SetupCodeAnnouncer())
    }
    app.reminderSchedule = ReminderSchedule(
        enabled: config.scheduler.enabled, defaultHour: config.scheduler.reminderHour)
    if config.scheduler.enabled {
        app.lifecycle.use(
            Scheduler(intervalSeconds: config.scheduler.intervalSeconds, notBeforeHour: config.scheduler.reminderHour))
    }

    if config.autoMigrate {
        // One line per migration only when asked for (LOG_LEVEL=debug): a fresh database has dozens.
        app.fluent.migrationLogLevel = .debug
        try await app.autoMigrate()
    }
    if config.refreshesStatistics {
        try await DatabaseStatistics.refresh(on: app.db)
    }
}

/// Set once per process: ContentConfiguration.global is shared, and tests configure many apps at once.
private let jsonConfigured: Void = {
    let encoder = JSONEncoder.api
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)
    // Query strings use the same snake_case names as bodies.
    ContentConfiguration.global.use(
        urlDecoder: URLEncodedFormDecoder(configuration: .init(dateDecodingStrategy: .iso8601)))
}()

/// Leaf pages and static files from the bundle (so `swift run` works from any directory), and
/// sessions kept in the database so every app instance sees them.
private func configureWeb(_ app: Application, _ web: AppConfig.Web) throws {
    guard let viewsURL = Bundle.module.url(forResource: "Views", withExtension: nil, subdirectory: "Resources"),
        let publicURL = Bundle.module.url(forResource: "Public", withExtension: nil, subdirectory: "Resources")
    else {
        throw ConfigError(variable: "Resources/Views", reason: "missing from the bundle")
    }
    let views = viewsURL.path + "/"
    // Not `.default`: it refuses any path with a hidden folder, and the bundle lives under .build/.
    app.leaf.sources = LeafSources.singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views, viewDirectory: views)
    )
    app.leaf.tags["t"] = TranslateTag()
    app.views.use(.leaf)
    app.middleware.use(FileMiddleware(publicDirectory: publicURL.path + "/"))

    app.sessions.use { _ in QuietSessions(lifetime: TimeInterval(web.sessionHours * 3600)) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "cartera_session") { id in
        HTTPCookies.Value(
            string: id.string, expires: Date().addingTimeInterval(TimeInterval(web.sessionHours * 3600)),
            maxAge: web.sessionHours * 3600, path: "/", isSecure: web.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.passwordCost = web.passwordCost
    app.publicURL = web.publicURL
}

extension Application {
    private struct StripeKey: StorageKey { typealias Value = StripeCheckout }
    /// Online payments; nil when Stripe is not configured.
    var stripe: StripeCheckout? {
        get { storage[StripeKey.self] }
        set { storage[StripeKey.self] = newValue }
    }

    private struct PublicURLKey: StorageKey { typealias Value = String }
    /// Where people reach Cartera (`CARTERA_PUBLIC_URL`), for links in messages.
    var publicURL: String {
        get { storage[PublicURLKey.self] ?? "http://127.0.0.1:8080" }
        set { storage[PublicURLKey.self] = newValue }
    }

    private struct PasswordCostKey: StorageKey { typealias Value = Int }
    /// bcrypt cost for new passwords.
    var passwordCost: Int {
        get { storage[PasswordCostKey.self] ?? 12 }
        set { storage[PasswordCostKey.self] = newValue }
    }
}

extension JSONEncoder {
    /// The API's JSON: snake_case keys, ISO 8601 dates, sorted keys. Also used where a reply is stored.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

private func configureDatabase(_ app: Application, _ location: AppConfig.DatabaseLocation, mappedMebibytes: Int)
    throws
{
    switch location {
    case .sqliteFile(let path):
        // Every SQLite call runs on this pool; a few more threads than cores keep page views flowing
        // while a writer holds the lock (see `WriteIntent`).
        app.threadPool = NIOThreadPool(numberOfThreads: 8)
        SQLiteReads.useMemoryMapping(mebibytes: mappedMebibytes)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        SQLiteReads.useMemoryMapping(mebibytes: mappedMebibytes)
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4), as: .psql)
    }
}
