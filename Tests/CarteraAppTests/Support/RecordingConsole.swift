import ConsoleKit
import NIOConcurrencyHelpers
import Vapor

/// A console that keeps what commands print, for testing the CLI in-process.
final class RecordingConsole: Console {
    private let lines = NIOLockedValueBox<[String]>([])
    private let info = NIOLockedValueBox<[AnySendableHashable: any Sendable]>([:])

    var size: (width: Int, height: Int) { (200, 50) }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { info.withLockedValue { $0 } }
        set { info.withLockedValue { $0 = newValue } }
    }
    var output: String { lines.withLockedValue { $0.joined() } }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lines.withLockedValue { $0.append(text.description + (newLine ? "\n" : "")) }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {
        lines.withLockedValue { $0.append("ERROR " + error + (newLine ? "\n" : "")) }
    }

    /// Runs a command as `cartera <arguments…>` against the test's application.
    static func run(_ command: any AnyAsyncCommand, _ arguments: [String], app: Application) async throws -> String {
        let console = RecordingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["cartera"] + arguments))
        context.application = app
        try await console.run(command, with: context)
        return console.output
    }
}
