import Testing

@testable import CarteraCore

/// The envelope's lines and when a letter can be posted at all.
@Suite struct PostalAddressTests {
    @Test func linesGoStreetThenPostalCodeAndCityThenRegionAndCountry() {
        let address = PostalAddress(
            line: " Carrera 43A # 1-50, oficina 802 ", city: "Medellín", region: "Antioquia", postalCode: "050021",
            country: "Colombia")
        #expect(address.lines == ["Carrera 43A # 1-50, oficina 802", "050021 Medellín", "Antioquia", "Colombia"])
        #expect(address.isMailable)
    }

    @Test func aRegionThatRepeatsTheCityIsLeftOut() {
        let address = PostalAddress(
            line: "Calle 93 # 11-26", city: "Bogotá", region: "Bogota, D.C.", postalCode: nil, country: "Colombia")
        #expect(address.lines == ["Calle 93 # 11-26", "Bogotá", "Colombia"])
    }

    @Test func withoutAStreetOrACityTheLetterCannotBePosted() {
        #expect(!PostalAddress(line: "Calle 10", city: " ", region: nil, postalCode: nil, country: nil).isMailable)
        #expect(!PostalAddress(line: nil, city: "Lima", region: nil, postalCode: nil, country: "Perú").isMailable)
        let empty = PostalAddress(line: nil, city: nil, region: "", postalCode: nil, country: nil)
        #expect(empty.isEmpty && empty.lines.isEmpty)
    }

    @Test func paragraphsSplitAtBlankLinesAndKeepTheirLines() {
        let text = "Respetados señores:\n\nLas siguientes facturas:\n  • FE-1\n  • FE-2\n\n\nGracias.\n"
        #expect(
            LetterParagraphs.split(text) == [
                ["Respetados señores:"], ["Las siguientes facturas:", "• FE-1", "• FE-2"], ["Gracias."],
            ])
        #expect(LetterParagraphs.split("\r\n \r\n").isEmpty)
    }
}
