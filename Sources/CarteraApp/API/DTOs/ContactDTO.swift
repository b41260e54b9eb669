import Vapor

struct ContactDTO: Content {
    let id: UUID
    let customerId: UUID
    let name: String
    let role: String
    let email: String?
    let phone: String?

    init(_ contact: Contact) throws {
        id = try contact.requireID()
        customerId = contact.$customer.id
        name = contact.name
        role = contact.role.rawValue
        email = contact.email
        phone = contact.phone
    }
}
