import Foundation

/// Every setting Cartera reads from the environment, read once at boot.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String, searchPath: [String]?)
    }

    public var database: DatabaseLocation
    /// Run pending migrations when the server or a command starts.
    public var autoMigrate: Bool

    public init(database: DatabaseLocation, autoMigrate: Bool = true) {
        self.database = database
        self.autoMigrate = autoMigrate
    }

    /// `DATABASE_URL` (postgres://…) selects PostgreSQL; otherwise `CARTERA_SQLITE_PATH`
    /// (default `cartera.sqlite` in the working directory).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let autoMigrate = try parseBool(environment["CARTERA_AUTO_MIGRATE"], name: "CARTERA_AUTO_MIGRATE", default: true)
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError(variable: "DATABASE_URL", reason: "must start with postgres:// or postgresql://")
            }
            return AppConfig(database: .postgres(url: url, searchPath: nil), autoMigrate: autoMigrate)
        }
        let path = environment["CARTERA_SQLITE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "cartera.sqlite"
        return AppConfig(database: .sqliteFile(path: path), autoMigrate: autoMigrate)
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
