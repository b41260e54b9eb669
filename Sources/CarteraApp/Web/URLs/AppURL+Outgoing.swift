import Foundation

/// The outgoing page (what the next run sends) and its forms; an invoice's manual pause.
extension AppURL {
    static let outgoing = "/outgoing"
    static let outgoingSkip = "/outgoing/skip"
    static let outgoingUndoSkip = "/outgoing/skip/undo"
    static let outgoingPause = "/outgoing/pause"

    static func invoiceHold(_ id: UUID) -> String { path("invoices", id, "hold") }
    static func invoiceHoldRelease(_ id: UUID) -> String { path("invoices", id, "hold", "release") }
}
