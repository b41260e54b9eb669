import Foundation

// What letters are marked posted with.
// Owned by the services: the API decodes them from its JSON (its wire keys); pages build them from their forms.

/// The letters handed to the post: exactly those printed (a letter queued since then stays in the queue).
struct LettersPostedInput: Codable, Sendable {
    var messageIds: [UUID]
}

/// The organisation's letterhead and signature; each given part replaces the stored one (empty removes it).
struct LetterheadInput: Codable, Sendable {
    var taxId: String?
    var addressLine: String?
    var city: String?
    var region: String?
    var postalCode: String?
    var country: String?
    var phone: String?
    var email: String?
    /// Who signs the letters, and their position ("Directora de cartera").
    var signerName: String?
    var signerTitle: String?

    /// A form sends every part, and a part it sends empty is one the person cleared: nothing is "left as
    /// it was" the way an API caller leaves out a part.
    func withEveryPartGiven() -> LetterheadInput {
        LetterheadInput(
            taxId: taxId ?? "", addressLine: addressLine ?? "", city: city ?? "", region: region ?? "",
            postalCode: postalCode ?? "", country: country ?? "", phone: phone ?? "", email: email ?? "",
            signerName: signerName ?? "", signerTitle: signerTitle ?? "")
    }
}
