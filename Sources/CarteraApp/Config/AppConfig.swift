import Foundation

/// Every setting Cartera reads from the environment, read once at boot.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String, searchPath: [String]?)
    }

    /// Where customer messages go.
    public struct Delivery: Sendable {
        /// Folder of the file transport, used for email unless SMTP is configured and for SMS
        /// unless a webhook is.
        public var mailDirectory = "outbox-mail"
        public var fromAddress = "cobranza@localhost"
        var smtp: SMTPTransport.Configuration?
        public var smsWebhookURL: String?
        public var smsWebhookToken: String?

        public init() {}
    }

    /// The in-process job runner of `serve`.
    public struct Scheduler: Sendable {
        public var enabled = true
        public var intervalSeconds = 300
        /// Reminders are queued from this local hour on (organisation's time zone).
        public var reminderHour = 8

        public init() {}
    }

    /// The web workspace: sessions and passwords.
    public struct Web: Sendable {
        /// Where people reach Cartera; links in messages use it, and https turns on Secure cookies.
        public var publicURL = "http://127.0.0.1:8080"
        /// bcrypt cost: 12 in production; tests lower it to stay fast with real hashing.
        public var passwordCost = 12
        /// A session signs out this long after sign-in, active or not.
        public var sessionHours = 12

        public var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }

        public init() {}
    }

    public var database: DatabaseLocation
    /// Run pending migrations when the server or a command starts.
    public var autoMigrate: Bool
    /// Refresh SQLite's planner statistics at start-up (the server; see `DatabaseStatistics`).
    public var refreshesStatistics = false
    public var delivery = Delivery()
    public var scheduler = Scheduler()
    public var web = Web()
    /// Online card payments through Stripe Checkout; off unless both keys are set.
    var stripe: StripeCheckout.Configuration?
    /// When set, `GET /metrics` needs `Authorization: Bearer <token>`; unset, it answers loopback clients only.
    public var metricsToken: String?
    /// `serve` prints a one-time code for the first-run page while nobody can sign in.
    public var announcesSetupCode = false
    /// Largest file accepted by an upload (imports, bank statements), in megabytes of 10^6 bytes.
    public var uploadLimitMegabytes = AppConfig.defaultUploadLimitMegabytes
    public static let defaultUploadLimitMegabytes = 50
    /// How much of a SQLite file is read through a memory map (see `SQLiteReads`), in MiB; 0 turns
    /// the map off. Mapped pages count in the server's resident memory while the kernel keeps them.
    public var sqliteMappedMebibytes = SQLiteReads.defaultMappedMebibytes

    public init(database: DatabaseLocation, autoMigrate: Bool = true) {
        self.database = database
        self.autoMigrate = autoMigrate
    }

    /// `DATABASE_URL` (postgres://…) selects PostgreSQL; otherwise `CARTERA_SQLITE_PATH`
    /// (default `cartera.sqlite` in the working directory).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let autoMigrate = try parseBool(value("CARTERA_AUTO_MIGRATE"), name: "CARTERA_AUTO_MIGRATE", default: true)
        var config: AppConfig
        if let url = value("DATABASE_URL") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError(variable: "DATABASE_URL", reason: "must start with postgres:// or postgresql://")
            }
            config = AppConfig(database: .postgres(url: url, searchPath: nil), autoMigrate: autoMigrate)
        } else {
            config = AppConfig(
                database: .sqliteFile(path: value("CARTERA_SQLITE_PATH") ?? "cartera.sqlite"), autoMigrate: autoMigrate)
        }
        config.delivery.mailDirectory = value("CARTERA_MAIL_DIR") ?? config.delivery.mailDirectory
        config.delivery.fromAddress = value("CARTERA_MAIL_FROM") ?? config.delivery.fromAddress
        if let host = value("CARTERA_SMTP_HOST") {
            let securityText = value("CARTERA_SMTP_SECURITY") ?? "starttls"
            guard let security = SMTPTransport.Security(rawValue: securityText) else {
                throw ConfigError(
                    variable: "CARTERA_SMTP_SECURITY", reason: "expected none, starttls or tls, got \"\(securityText)\""
                )
            }
            let portText = value("CARTERA_SMTP_PORT") ?? (security == .tls ? "465" : "587")
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw ConfigError(variable: "CARTERA_SMTP_PORT", reason: "expected a port number, got \"\(portText)\"")
            }
            config.delivery.smtp = SMTPTransport.Configuration(
                host: host, port: port, security: security, username: value("CARTERA_SMTP_USERNAME"),
                password: value("CARTERA_SMTP_PASSWORD"),
                verifyCertificates: try parseBool(
                    value("CARTERA_SMTP_VERIFY_TLS"), name: "CARTERA_SMTP_VERIFY_TLS", default: true))
        }
        config.delivery.smsWebhookURL = value("CARTERA_SMS_WEBHOOK_URL")
        config.delivery.smsWebhookToken = value("CARTERA_SMS_WEBHOOK_TOKEN")
        config.scheduler.enabled = try parseBool(value("CARTERA_SCHEDULER"), name: "CARTERA_SCHEDULER", default: true)
        if let interval = value("CARTERA_SCHEDULER_INTERVAL") {
            guard let seconds = Int(interval), (5...86_400).contains(seconds) else {
                throw ConfigError(
                    variable: "CARTERA_SCHEDULER_INTERVAL",
                    reason: "expected seconds between 5 and 86400, got \"\(interval)\"")
            }
            config.scheduler.intervalSeconds = seconds
        }
        if let hour = value("CARTERA_REMINDER_HOUR") {
            guard let parsed = Int(hour), (0...23).contains(parsed) else {
                throw ConfigError(
                    variable: "CARTERA_REMINDER_HOUR", reason: "expected an hour from 0 to 23, got \"\(hour)\"")
            }
            config.scheduler.reminderHour = parsed
        }
        if let url = value("CARTERA_PUBLIC_URL") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host != nil
            else {
                throw ConfigError(
                    variable: "CARTERA_PUBLIC_URL",
                    reason: "expected an http(s) URL such as https://cobranza.example.co, got \"\(url)\"")
            }
            config.web.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        switch (value("CARTERA_STRIPE_SECRET_KEY"), value("CARTERA_STRIPE_WEBHOOK_SECRET")) {
        case (let key?, let secret?):
            config.stripe = StripeCheckout.Configuration(
                secretKey: key, webhookSecret: secret,
                apiBase: value("CARTERA_STRIPE_API_BASE") ?? "https://api.stripe.com")
        case (_?, nil):
            throw ConfigError(
                variable: "CARTERA_STRIPE_WEBHOOK_SECRET",
                reason: "is needed with CARTERA_STRIPE_SECRET_KEY (the endpoint's whsec_… secret)")
        case (nil, _?):
            throw ConfigError(
                variable: "CARTERA_STRIPE_SECRET_KEY", reason: "is needed with CARTERA_STRIPE_WEBHOOK_SECRET")
        case (nil, nil):
            break
        }
        config.metricsToken = value("CARTERA_METRICS_TOKEN")
        if let megabytes = value("CARTERA_UPLOAD_LIMIT_MB") {
            guard let parsed = Int(megabytes), (1...2_000).contains(parsed) else {
                throw ConfigError(
                    variable: "CARTERA_UPLOAD_LIMIT_MB",
                    reason: "expected megabytes from 1 to 2000, got \"\(megabytes)\"")
            }
            config.uploadLimitMegabytes = parsed
        }
        if let mebibytes = value("CARTERA_SQLITE_MMAP_MB") {
            guard let parsed = Int(mebibytes), (0...SQLiteReads.largestMappedMebibytes).contains(parsed) else {
                throw ConfigError(
                    variable: "CARTERA_SQLITE_MMAP_MB",
                    reason: "expected MiB from 0 to \(SQLiteReads.largestMappedMebibytes), got \"\(mebibytes)\"")
            }
            config.sqliteMappedMebibytes = parsed
        }
        if let hours = value("CARTERA_SESSION_HOURS") {
            guard let parsed = Int(hours), (1...720).contains(parsed) else {
                throw ConfigError(
                    variable: "CARTERA_SESSION_HOURS", reason: "expected hours from 1 to 720, got \"\(hours)\"")
            }
            config.web.sessionHours = parsed
        }
        return config
    }

    private static func parseBool(_ value: String?, name: String, default defaultValue: Bool) throws -> Bool {
        guard let value, !value.isEmpty else { return defaultValue }
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigError(variable: name, reason: "expected true or false, got \"\(value)\"")
        }
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let variable: String
    public let reason: String
    public var description: String { "Invalid configuration \(variable): \(reason)" }
}
