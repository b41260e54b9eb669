import Fluent
import Foundation

/// The import an organisation is running right now: at most one (the organisation id is the key),
/// whichever instance runs it. See `ImportRuns`.
final class ImportRun: Model, @unchecked Sendable {
    static let schema = "import_runs"

    @ID(custom: "organisation_id", generatedBy: .user) var id: UUID?
    /// Random per run, so only the run that claimed the row releases it.
    @Field(key: "holder") var holder: String
    @Field(key: "started_at") var startedAt: Date
    /// A run whose server died is taken over after this.
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
