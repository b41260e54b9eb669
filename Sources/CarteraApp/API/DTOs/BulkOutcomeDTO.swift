import Vapor

/// `{"done": 12, "skipped": {"statement_already_sent": 2}}`
struct BulkOutcomeDTO: Content {
    let done: Int
    let skipped: [String: Int]

    init(_ outcome: BulkActions.Outcome) {
        done = outcome.done
        skipped = outcome.skipped
    }
}
