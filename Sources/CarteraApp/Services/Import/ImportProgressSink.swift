/// Where an import reports how far it got: the CLI's progress line, the upload page's registry.
/// Called every `step` rows, from the importing task.
struct ImportProgressSink: Sendable {
    enum Phase: String, Sendable, Codable { case checking, writing }

    static let step = 10_000

    let report: @Sendable (_ phase: Phase, _ done: Int, _ total: Int) -> Void

    func checked(_ rows: Int) { report(.checking, rows, 0) }
    func wrote(_ rows: Int, of total: Int) { report(.writing, rows, total) }
}
