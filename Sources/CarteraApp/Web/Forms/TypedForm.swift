import CarteraCore
import Foundation
import Vapor

extension Request {
    /// A posted form as a service input, with its amount fields read the way the person typed them
    /// ("1.500.000,50", "$ 1.500.000", "1,500,000.50" — see `TypedAmount`) and rewritten into the wire
    /// form the services take ("1500000.50"). An amount that cannot be read is refused naming its field,
    /// so the page shows the reason next to it. Empty amount fields stay empty (the service decides
    /// whether one is required).
    func typedForm<Input: Decodable>(_ type: Input.Type, amounts: Set<String> = []) async throws -> Input {
        guard !amounts.isEmpty, headers.contentType == .urlEncodedForm,
            let body = body.data.map({ String(buffer: $0) })
        else { return try content.decode(Input.self) }
        let decimal = try await typingDecimalMark()
        var rewritten: [String] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            guard amounts.contains(name), parts.count == 2,
                let typed = parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                !typed.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                rewritten.append(String(pair))
                continue
            }
            do {
                rewritten.append("\(parts[0])=\(try TypedAmount.wireDecimal(typed, decimal: decimal))")
            } catch {
                throw ServiceError.invalid(
                    name, code: error == .tooLarge ? "amount_too_large" : "invalid_amount",
                    "\(name) must be an amount like 1.500.000,50")
            }
        }
        return try URLEncodedFormDecoder().decode(Input.self, from: rewritten.joined(separator: "&"))
    }

    /// The decimal mark the signed-in person reads and types: their organisation's, in its own
    /// language; the language's usual one otherwise (see `MessageComposer.moneyLocale`).
    func typingDecimalMark() async throws -> Character {
        let language = pageLanguage
        if let user = auth.get(User.self), let organisation = try await Organisation.find(user.organisationID, on: db) {
            let own = organisation.supportedLocale
            if own.language.rawValue == language { return own.decimalMark }
        }
        return (SupportedLocale.Language(rawValue: language) ?? .es).defaultLocale.decimalMark
    }
}
