import Foundation

/// The letters to print and post, one letter, the print document, the forms that mark them posted, and the
/// letterhead settings.
extension AppURL {
    static let letters = "/letters"
    /// Every letter waiting, as one document to print.
    static let lettersPrint = "/letters/print"
    static let lettersPosted = "/letters/posted"
    static let settingsLetters = "/settings/letters"

    static func letter(_ id: UUID) -> String { path("letters", id) }
    static func letterPrint(_ id: UUID) -> String { path("letters", id, "print") }
    static func letterPosted(_ id: UUID) -> String { path("letters", id, "posted") }
}
