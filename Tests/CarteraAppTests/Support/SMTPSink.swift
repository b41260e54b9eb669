import Foundation

/// Runs `Tests/e2e/smtp_sink.py` (a real aiosmtpd server) for the length of a test and reads
/// back what it received, parsed by Python's email package.
final class SMTPSink: @unchecked Sendable {
    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    /// Whether the real server can run here. CI sets CARTERA_REQUIRE_SMTP_TEST=1 so a missing
    /// aiosmtpd fails the suite instead of skipping the test.
    static var isAvailable: Bool {
        if ProcessInfo.processInfo.environment["CARTERA_REQUIRE_SMTP_TEST"] == "1" { return true }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import aiosmtpd"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    init(starttls: Bool) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("e2e/smtp_sink.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--dir", directory.path] + (starttls ? ["--starttls"] : [])
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        guard let line = String(data: output.fileHandleForReading.availableData, encoding: .utf8),
            line.hasPrefix("READY "), let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw SinkError(description: "SMTP sink did not start")
        }
        self.port = port
    }

    /// Messages received so far, oldest first.
    func received() throws -> [[String: Any]] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(file)))
                as? [String: Any] ?? [:]
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    struct SinkError: Error, CustomStringConvertible { let description: String }
}
