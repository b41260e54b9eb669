import CarteraCore
import Foundation

extension LettersPage.Context {
    /// Formatting only: each waiting letter's day (the day it was queued, in the organisation's zone), where it
    /// goes, and the last ones posted with the day they were.
    init(data: LettersPageData, format: PageFormat, timeZone: TimeZone) throws {
        var missing = 0
        rows = try data.sheets.map { letter, customer in
            let id = try letter.requireID()
            let address = customer.postalAddress
            if !address.isMailable { missing += 1 }
            return Row(
                url: AppURL.letter(id), printURL: AppURL.letterPrint(id), postedURL: AppURL.letterPosted(id),
                queuedOn: LetterSheet.day(of: letter, timeZone: timeZone).map(format.date) ?? "",
                customer: customer.legalName, customerURL: AppURL.customer(letter.$customer.id),
                recipient: letter.recipientName, subject: letter.subject,
                address: address.lines.joined(separator: ", "),
                addressMissing: !address.isMailable, editCustomerURL: AppURL.customerEdit(letter.$customer.id))
        }
        count = format.integer(Int64(rows.count))
        missingAddresses =
            missing == 0
            ? nil
            : format.text(
                missing == 1 ? "letters.missing_address_one" : "letters.missing_address_many",
                ["count": format.integer(Int64(missing))])
        posted = try data.posted.map { letter in
            Posted(
                url: AppURL.letter(try letter.requireID()),
                customer: data.customers[letter.$customer.id]?.legalName ?? "", subject: letter.subject,
                status: LettersPage.status(letter, format: format, timeZone: timeZone))
        }
    }
}
