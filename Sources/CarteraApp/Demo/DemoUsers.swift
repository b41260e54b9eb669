import Fluent
import Foundation

/// The demo company's people: an admin, a collector who works half the accounts, and a viewer.
enum DemoUsers {
    static let people: [(email: String, name: String, role: Role)] = [
        ("admin@demo.cartera", "Marta Restrepo", .admin),
        ("gestor@demo.cartera", "Julián Ospina", .collector),
        ("consulta@demo.cartera", "Camila Duarte", .viewer),
    ]

    static func create(password: String, organisation: Organisation, on db: any Database, passwordCost: Int)
        async throws -> [User]
    {
        var users: [User] = []
        for person in people {
            users.append(
                try await UserService.create(
                    .init(
                        email: person.email, name: person.name, password: password, role: person.role.rawValue,
                        language: "es"),
                    organisationID: try organisation.requireID(), passwordCost: passwordCost, on: db))
        }
        // The collector works every other account; the rest stay unassigned for anyone to pick up.
        let collector = try users[1].requireID()
        let customers = try await Customer.query(on: db).filter(\.$organisationID == organisation.requireID()).sort(
            \.$legalName
        ).all()
        for (index, customer) in customers.enumerated() where index % 2 == 0 {
            customer.assignedUserID = collector
            try await customer.save(on: db)
        }
        organisation.referenceRates = "USD=4100"
        try await organisation.save(on: db)
        return users
    }
}
