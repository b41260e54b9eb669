import Fluent
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

    /// A reference no customer of the organisation has: two customers quoting one reference would
    /// leave the bank matcher unable to tell whose transfer it is.
    static func unusedCustomerReference(organisationID: UUID, on db: any Database) async throws -> String {
        while true {
            let reference = newCustomerReference()
            let taken = try await Customer.query(on: db).filter(\.$organisationID == organisationID).filter(
                \.$paymentReference == reference
            ).count()
            if taken == 0 { return reference }
        }
    }
}
