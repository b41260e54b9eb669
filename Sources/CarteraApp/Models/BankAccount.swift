import Foundation

/// What kind of account a customer pays into ("cuenta de ahorros", "cuenta corriente").
enum BankAccountType: String, Codable, CaseIterable, Sendable {
    case savings
    case checking
}

/// One of the organisation's accounts customers pay into, shown on the portal's "how to pay" and in
/// every message that says how to pay.
struct BankAccount: Codable, Hashable, Sendable {
    var bank: String
    var accountType: BankAccountType
    var number: String
    /// Who the account is in the name of, and their tax id ("NIT 900.123.456-7").
    var holder: String
    var taxId: String?
}

/// The organisation's bank accounts as one JSON text column: the one place that knows the format.
/// A column that no longer parses reads as no accounts rather than failing the whole row.
enum StoredBankAccounts {
    static func decode(_ text: String) -> [BankAccount] {
        (try? JSONDecoder().decode([BankAccount].self, from: Data(text.utf8))) ?? []
    }

    static func encode(_ accounts: [BankAccount]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(accounts)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}

extension Organisation {
    var bankAccountList: [BankAccount] {
        get { StoredBankAccounts.decode(bankAccounts) }
        set { bankAccounts = StoredBankAccounts.encode(newValue) }
    }
}
