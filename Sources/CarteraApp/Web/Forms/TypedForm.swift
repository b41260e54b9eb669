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
        guard !amounts.isEmpty, let posted = PostedForm(self) else { return try content.decode(Input.self) }
        let decimal = try await typingDecimalMark()
        var rewritten: [String] = []
        for field in posted.fields {
            let name = field.name
            guard amounts.contains(name), let typed = field.value, !typed.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                rewritten.append(String(field.pair))
                continue
            }
            do {
                rewritten.append("\(field.rawName)=\(try TypedAmount.wireDecimal(typed, decimal: decimal))")
            } catch {
                throw ServiceError.invalid(
                    name, code: error == .tooLarge ? "amount_too_large" : "invalid_amount",
                    "\(name) must be an amount like 1.500.000,50")
            }
        }
        return try URLEncodedFormDecoder().decode(Input.self, from: rewritten.joined(separator: "&"))
    }

    /// The decimal mark the signed-in person reads and types: the page's amount conventions
    /// (`MessageComposer.moneyLocale`: the organisation's in its own language, else the language's).
    func typingDecimalMark() async throws -> Character {
        try await serviceContext().pageFormat(language: pageLanguage).decimalMark
    }
}
