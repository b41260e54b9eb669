import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// The one wiring path shared by the server, the commands and the tests.
public func configure(_ app: Application, config: AppConfig, clock: any AppClock = SystemClock()) async throws {
    app.clock = clock
    app.localizer = try Localizer.loadBundled()
    app.messaging = Messaging(catalog: try TemplateCatalog.loadBundled(), localizer: app.localizer)
    _ = jsonConfigured
    try configureDatabase(app, config.database)
    app.migrations.add(Migrations.all)

    // Our error middleware replaces Vapor's default so every error has the same JSON shape.
    app.middleware = Middlewares()
    app.middleware.use(APIErrorMiddleware())
    app.routes.defaultMaxBodySize = "2mb"

    try routes(app)
    app.asyncCommands.use(CreateAPIKeyCommand(), as: "create-api-key")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(RunRemindersCommand(), as: "run-reminders")
    app.asyncCommands.use(DeliverOutboxCommand(), as: "deliver-outbox")
    app.asyncCommands.use(BenchDunningCommand(), as: "bench-dunning")
    app.asyncCommands.use(OutboxCommand(), as: "outbox")
    app.asyncCommands.use(PoliciesCommand(), as: "policies")

    app.transports = Transports.make(config.delivery, app: app)
    if config.scheduler.enabled {
        app.lifecycle.use(Scheduler(intervalSeconds: config.scheduler.intervalSeconds))
    }

    if config.autoMigrate {
        try await app.autoMigrate()
    }
}

/// Set once per process: ContentConfiguration.global is shared, and tests configure many apps at once.
private let jsonConfigured: Void = {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)
    // Query strings use the same snake_case names as bodies.
    ContentConfiguration.global.use(urlDecoder: URLEncodedFormDecoder(configuration: .init(dateDecodingStrategy: .iso8601)))
}()

private func configureDatabase(_ app: Application, _ location: AppConfig.DatabaseLocation) throws {
    switch location {
    case let .sqliteFile(path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case let .postgres(url, searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4), as: .psql)
    }
}
