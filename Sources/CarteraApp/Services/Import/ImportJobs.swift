import Vapor

/// Imports started from the upload page, running in the background, and how far each got; the page
/// polls `GET /import/{id}/progress`. In memory, so per server instance: behind a load balancer the
/// polls must reach the instance that took the upload (sticky sessions), and a restart forgets the
/// progress (never the data: an import commits whole or not at all).
actor ImportJobs {
    struct Status: Content, Equatable {
        enum State: String, Codable { case checking, writing, done, failed }
        var state: State
        var done = 0
        var total = 0
        var message: String?
        var created: ImportCounts?

        var isFinished: Bool { state == .done || state == .failed }
    }

    private var jobs: [String: Status] = [:]

    func status(_ id: String) -> Status? { jobs[id] }

    /// Progress arrives from unordered tasks: a finished job stays finished, and counts only grow.
    func update(_ id: String, _ status: Status) {
        if let current = jobs[id], current.isFinished || (!status.isFinished && current.state == status.state && current.done > status.done) { return }
        jobs[id] = status
    }

    func start(_ id: String) -> Bool {
        if let current = jobs[id], !current.isFinished || current.state == .done { return false }
        jobs[id] = Status(state: .checking)
        return true
    }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }
    var importJobs: ImportJobs {
        get { storage[ImportJobsKey.self] ?? ImportJobs() }
        set { storage[ImportJobsKey.self] = newValue }
    }
}
