import Foundation

/// Postal addresses for the demo, so its letters look like letters: the company's letterhead and signer,
/// and an address for every customer in a Colombian city (the export customers in Miami). Chosen from the
/// customer's place in the list, never from the demo's random numbers, so the rest of the story is unchanged.
enum DemoAddresses {
    private static let cities: [(city: String, region: String, postalCode: String)] = [
        ("Bogotá", "Bogotá, D.C.", "110221"), ("Medellín", "Antioquia", "050021"),
        ("Cali", "Valle del Cauca", "760045"),
        ("Barranquilla", "Atlántico", "080020"), ("Bucaramanga", "Santander", "680003"),
        ("Pereira", "Risaralda", "660003"), ("Bogotá", "Bogotá, D.C.", "111071"), ("Manizales", "Caldas", "170004"),
    ]
    private static let streets = ["Calle", "Carrera", "Avenida Calle", "Carrera", "Calle", "Diagonal", "Transversal"]

    static func addressed(_ input: CustomerInput, index: Int, foreign: Bool) -> CustomerInput {
        var input = input
        if foreign {
            input.addressLine = "\(1_200 + index * 35) Brickell Avenue, Suite \(300 + index * 10)"
            input.city = "Miami"
            input.region = "FL 33131"
            input.country = "United States"
        } else {
            let place = cities[index % cities.count]
            let street = streets[index % streets.count]
            input.addressLine = "\(street) \(10 + index * 7 % 90) # \(5 + index * 13 % 80)-\(10 + index * 17 % 80)"
            input.city = place.city
            input.region = place.region
            input.postalCode = place.postalCode
            input.country = "Colombia"
        }
        return input
    }

    /// The demo company's letterhead and who signs its letters.
    static func letterhead(in context: ServiceContext) async throws {
        var input = OrganisationUpdate()
        input.letterhead = LetterheadInput(
            taxId: "900482157-3", addressLine: "Calle 100 # 19-54, piso 8", city: "Bogotá", region: "Bogotá, D.C.",
            postalCode: "110221", country: "Colombia", phone: "601 744 2100", email: "cartera@andina.com.co",
            signerName: "Carolina Méndez Ruiz", signerTitle: "Jefe de cartera")
        _ = try await OrganisationService.update(input, in: context)
    }
}
