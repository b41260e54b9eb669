import CarteraApp
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, config: try AppConfig.fromEnvironment())
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
