import Vapor

/// The organisation's letterhead and signer, as posted letters show them; null parts are left out.
struct LetterheadDTO: Content {
    let taxId: String?
    let addressLine: String?
    let city: String?
    let region: String?
    let postalCode: String?
    let country: String?
    let phone: String?
    let email: String?
    let signerName: String?
    let signerTitle: String?

    init(_ organisation: Organisation) {
        taxId = organisation.taxID
        addressLine = organisation.addressLine
        city = organisation.city
        region = organisation.region
        postalCode = organisation.postalCode
        country = organisation.country
        phone = organisation.phone
        email = organisation.email
        signerName = organisation.signerName
        signerTitle = organisation.signerTitle
    }
}
