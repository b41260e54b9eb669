import Foundation

/// References customers quote on transfers. Invoices use their own number; each customer also has
/// a reference for payments that cover several invoices: "CR-" and six characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), easy to read out on the phone.
enum PaymentReferences {
    private static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    static func newCustomerReference() -> String {
        var generator = SystemRandomNumberGenerator()
        return "CR-" + String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
