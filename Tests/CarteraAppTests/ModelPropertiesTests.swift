import FluentKit
import Testing

@testable import CarteraApp

/// The hand-written property lists (`ModelProperties.swift`) must name every property reflection
/// finds, in the same order: a field missing there would silently never be read or saved.
@Suite struct ModelPropertiesTests {
    static func listed(_ model: any Fields) -> [String] { model.properties.map(describe) }

    static func reflected(_ model: any Fields) -> [String] {
        Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map(describe)
    }

    /// A property by its type and, for those stored in the database, its column names.
    static func describe(_ property: any AnyProperty) -> String {
        let keys = (property as? any AnyDatabaseProperty)?.keys.map(\.description) ?? []
        return "\(type(of: property)) \(keys.joined(separator: ","))"
    }

    static let models: [(String, any Fields)] = [
        ("Invoice", Invoice()), ("InvoiceLine", InvoiceLine()), ("Customer", Customer()),
        ("Organisation", Organisation()),
        ("User", User()), ("Payment", Payment()), ("Allocation", Allocation()), ("Contact", Contact()),
    ]

    @Test(arguments: models.indices)
    func listedPropertiesAreExactlyTheReflectedOnes(index: Int) {
        let (name, model) = Self.models[index]
        let reflected = Self.reflected(model)
        #expect(reflected.count >= 5, "\(name): reflection found \(reflected)")
        #expect(Self.listed(model) == reflected, "\(name)")
    }
}
