/// A contact row: a person at a customer found by code or name. `role` is the file's text
/// ("Facturación", "billing"); the app maps it to its contact roles.
public struct ImportedContact: Hashable, Sendable {
    public let line: Int
    public let customerCode: String?
    public let customerName: String?
    public let name: String?
    public let email: String?
    public let phone: String?
    public let role: String?

    static func read(_ row: inout ImportRow) -> ImportedContact? {
        let customer = row.customer()
        let name = row.text(.contactName)
        let email = row.email()
        if name == nil && row.text(.email) == nil {
            row.fail(row.header.indices[.contactName] != nil ? .contactName : .email, .missingValue)
        }
        guard row.errors.isEmpty else { return nil }
        return ImportedContact(
            line: row.line, customerCode: customer.code, customerName: customer.name, name: name, email: email,
            phone: row.text(.phone), role: row.text(.role))
    }
}
