/// What a timeline entry is about: its `kind` in the API and its `timeline.<kind>` summary text.
enum TimelineKind: String, CaseIterable, Sendable {
    case invoice, payment
    case creditNote = "credit_note"
    case message, call, note, promise
    case disputeOpened = "dispute_opened", disputeResolved = "dispute_resolved"
    case plan
    case creditHold = "credit_hold"
    case escalation

    init(_ interaction: InteractionKind) {
        switch interaction {
        case .call: self = .call
        case .note: self = .note
        }
    }
}
