import CarteraCore
import Foundation

extension OrganisationService {
    /// The letterhead and the signer of posted letters: plain text parts, the email checked as an address.
    /// Fields are named `letterhead.<part>`, as the API sends them.
    static func updateLetterhead(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        guard let letterhead = input.letterhead else { return }
        func text(_ value: String?, _ part: String, maxLength: Int = 200) throws -> String?? {
            guard let value else { return .none }
            let parsed = try FieldParser.optionalText(value, "letterhead.\(part)", maxLength: maxLength)
            changes["letterhead.\(part)"] = parsed ?? ""
            return .some(parsed)
        }
        if let value = try text(letterhead.taxId, "tax_id", maxLength: 40) { organisation.taxID = value }
        if let value = try text(letterhead.addressLine, "address_line") { organisation.addressLine = value }
        if let value = try text(letterhead.city, "city", maxLength: 100) { organisation.city = value }
        if let value = try text(letterhead.region, "region", maxLength: 100) { organisation.region = value }
        if let value = try text(letterhead.postalCode, "postal_code", maxLength: 20) { organisation.postalCode = value }
        if let value = try text(letterhead.country, "country", maxLength: 100) { organisation.country = value }
        if let value = try text(letterhead.phone, "phone", maxLength: 40) { organisation.phone = value }
        if letterhead.email != nil {
            organisation.email = try ContactService.email(letterhead.email, field: "letterhead.email")
            changes["letterhead.email"] = organisation.email ?? ""
        }
        if let value = try text(letterhead.signerName, "signer_name") { organisation.signerName = value }
        if let value = try text(letterhead.signerTitle, "signer_title") { organisation.signerTitle = value }
    }
}

extension Organisation {
    /// Where the organisation writes from, for the letterhead.
    var postalAddress: PostalAddress {
        PostalAddress(line: addressLine, city: city, region: region, postalCode: postalCode, country: country)
    }
}

extension Customer {
    /// Where the customer's letters go.
    var postalAddress: PostalAddress {
        PostalAddress(line: addressLine, city: city, region: region, postalCode: postalCode, country: country)
    }
}
