import CarteraCore
import Foundation

/// The file's role text ("Facturación", "Cobranza", "billing", "Principal") as a contact role.
/// Unknown or empty text makes a primary contact.
enum ImportContactRole {
    static func role(_ text: String?) -> ContactRole {
        guard let text else { return .primary }
        let words = ImportDirectory.key(text)
        if ["factur", "billing", "cobr", "cartera", "pago", "payable", "accounts", "tesorer"].contains(
            where: words.contains)
        {
            return .billing
        }
        if ["altern", "secund", "second", "otro", "other", "backup"].contains(where: words.contains) {
            return .alternate
        }
        return .primary
    }
}
