import CarteraApp
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var environment = try Environment.detect()
        if ProcessInfo.processInfo.environment["CARTERA_LOG_FORMAT"] == "json" {
            let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            try LoggingSystem.bootstrap(from: &environment)
        }
        let app = try await Application.make(environment)
        do {
            var config = try AppConfig.fromEnvironment()
            // Background jobs run inside the server only; commands do their one job and exit.
            let command = CommandLine.arguments.dropFirst().first
            // Help is words only: no database is opened, created or migrated to print it.
            let asksForHelp = CommandLine.arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" }
            if asksForHelp {
                config.database = .sqliteMemory
                config.autoMigrate = false
            }
            let serves = (command == nil || command == "serve") && !asksForHelp
            config.scheduler.enabled = config.scheduler.enabled && serves
            config.refreshesStatistics = serves
            config.announcesSetupCode = serves
            try await configure(app, config: config)
            try await app.execute()
        } catch {
            // A clear line naming what is wrong, and a non-zero exit; no crash report.
            FileHandle.standardError.write(Data("cartera: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
