import Foundation
import Testing

@testable import CarteraCore

@Suite struct UUIDOrderTests {
    @Test func theOrderIsTheOrderOfTheTextForm() {
        var generator = SeededGenerator(seed: 42)
        let ids = (0..<500).map { _ in
            UUID(
                uuid: (0..<16).reduce(into: [UInt8]()) { bytes, _ in
                    bytes.append(UInt8.random(in: .min ... .max, using: &generator))
                }
                .withUnsafeBytes { $0.loadUnaligned(as: uuid_t.self) })
        }
        #expect(ids.sorted { $0.precedes($1) } == ids.sorted { $0.uuidString < $1.uuidString })
        let edge = [
            UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
            UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
            UUID(uuidString: "FFFFFFFF-FFFF-FFFF-0000-000000000000")!,
            UUID(uuidString: "FFFFFFFF-FFFF-FFFE-FFFF-FFFFFFFFFFFF")!,
        ]
        #expect(edge.sorted { $0.precedes($1) } == edge.sorted { $0.uuidString < $1.uuidString })
        #expect(!edge[0].precedes(edge[0]))
    }
}

@Suite struct UUIDParsingTests {
    @Test func fastParsingAgreesWithFoundation() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUID(fastString: id.uuidString) == id)
            #expect(UUID(fastString: id.uuidString.lowercased()) == id)
            #expect(id.canonicalText == id.uuidString)
        }
        let edges = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
        ]
        for id in edges { #expect(id.canonicalText == id.uuidString) }
    }

    @Test(arguments: [
        "", "E621E1F8C36C495A93FC0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5",
        "G621E1F8-C36C-495A-93FC-0C247A3E6E5F",
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5F0", "E621E1F8+C36C-495A-93FC-0C247A3E6E5F",
    ])
    func malformedTextIsRefused(text: String) {
        #expect(UUID(fastString: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
