import Foundation

extension PageFormat {
    /// An invoice's holds as a page shows them, in the words its messages use, opening a sentence:
    /// "En disputa", "Con promesa de pago hasta el 12 dic 2026"; nil when the customer is told nothing.
    func holdNote(_ notes: [HoldNote]) -> String? {
        let words = composer.statusNote(notes)
        guard let first = words.first else { return nil }
        return first.uppercased() + words.dropFirst()
    }
}
