import Foundation

/// Where an import reports how far it got: the CLI's progress line, the upload page's registry.
/// Called every `step` rows, from the importing task.
struct ImportProgressSink: Sendable {
    enum Phase: String, Sendable, Codable { case checking, writing }

    static let step = 10_000

    let report: @Sendable (_ phase: Phase, _ done: Int, _ total: Int) -> Void

    func checked(_ rows: Int) { report(.checking, rows, 0) }

    /// Lines in the file less its header: the total a progress bar shows before the end is read
    /// (title lines and totals make it a little high; the last report gives the real count).
    static func estimatedRows(_ data: Data) -> Int {
        let lines = data.withUnsafeBytes { bytes in bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
        return max(lines - 1, 0)
    }
    func wrote(_ rows: Int, of total: Int) { report(.writing, rows, total) }
}
