import Testing

@testable import CarteraCore

@Suite struct MatchingTextTests {
    @Test func tokensAreUppercaseWithoutAccentsSplitOnAnythingElse() {
        #expect(MatchText.tokens("Pagó fe-1001, Ñandú/ÁRBOL_3") == ["PAGO", "FE", "1001", "NANDU", "ARBOL", "3"])
        #expect(MatchText.tokens("  --  ") == [])
        #expect(MatchText.compact("co12 3456-7890") == "CO1234567890")
    }

    @Test(arguments: [
        ("Comercializadora Los Andes S.A.S.", "COMERCIALIZADORA LOS ANDES"),
        ("COMERCIALIZADORA LOS ANDES SAS", "COMERCIALIZADORA LOS ANDES"),
        ("Distribuciones Peña Ltda.", "DISTRIBUCIONES PENA"),
        ("Servicios del Norte S. de R.L. de C.V.", "SERVICIOS DEL NORTE"),
        ("Pérez y Cía. Ltda", "PEREZ"),
        ("Importadora Sur SpA", "IMPORTADORA SUR"),
        ("Juan Gómez E.U.", "JUAN GOMEZ"),
        ("SAS", "SAS"), // a name is never stripped to nothing
    ])
    func legalFormsAreDroppedFromNames(name: String, expected: String) {
        #expect(MatchText.nameTokens(name).joined(separator: " ") == expected)
    }

    @Test func taxIDsCompareOnDigitsWithOrWithoutCheckDigit() {
        #expect(MatchText.taxIDKeys("900.123.456-7") == ["9001234567", "900123456"])
        #expect(MatchText.taxIDKeys("9001234567") == ["9001234567"])
        #expect(MatchText.taxIDKeys("GOMJ-800101-AB1") == ["GOMJ800101AB1"])
        #expect(MatchText.taxIDKeys("12-3") == [])
        #expect(MatchText.taxIDCandidates(in: "NIT 900.123.456-7 valor 1500") == ["9001234567"])
    }

    @Test func namePartsSkipRunsOfArticlesOnly() {
        let parts = MatchText.nameParts(["LOS", "ANDES", "DE", "LA", "SIERRA"])
        #expect(parts.contains("LOS ANDES") && parts.contains("ANDES DE LA SIERRA"))
        #expect(!parts.contains("DE LA"))
        #expect(MatchText.nameParts(["ANDES"]).isEmpty)
    }

    @Test func referencesNeedADigitAndEnoughCharacters() {
        #expect(ReferenceIndex.isSearchable("1234") && ReferenceIndex.isSearchable("F12"))
        #expect(
            !ReferenceIndex.isSearchable("123") && !ReferenceIndex.isSearchable("A1")
                && !ReferenceIndex.isSearchable("ABCDE"))
    }
}

@Suite struct MatchingSubsetSumTests {
    @Test func fewestValuesFirstThenTheOldest() {
        let values: [Int64] = [100, 200, 300, 400, 500, 600]
        #expect(SubsetSum.find(values, target: 1_000, nodeBudget: 10_000) == [3, 5])
        #expect(SubsetSum.find(values, target: 700, nodeBudget: 10_000) == [0, 5])
        #expect(SubsetSum.find(values, target: 2_100, nodeBudget: 10_000) == [0, 1, 2, 3, 4, 5])
        #expect(SubsetSum.find(values, target: 50, nodeBudget: 10_000) == nil)
        #expect(SubsetSum.find(values, target: 2_200, nodeBudget: 10_000) == nil)
        // A single value is exactAmount's business, not a combination.
        #expect(SubsetSum.find(values, target: 600, nodeBudget: 10_000) == [0, 4])
        #expect(SubsetSum.find([600], target: 600, nodeBudget: 10_000) == nil)
    }

    @Test func largeSetsAreFoundThroughTheirComplement() {
        let values: [Int64] = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41]
        // Everything but 11 and 29: only an eight-value set adds up to this.
        let target = values.reduce(0, +) - 11 - 29
        let found = SubsetSum.find(values, target: target, nodeBudget: 100_000)
        #expect(found.map { $0.map { values[$0] }.reduce(0, +) } == target)
        #expect(found?.count == 8)
    }

    @Test func theSearchGivesUpWhenTheBudgetRunsOut() {
        // Powers of two: every subset sum is distinct, so there is exactly one answer.
        let values = (0..<30).map { Int64(1) << $0 }
        let chosen = [2, 9, 13, 17, 21, 26, 28]
        let target = chosen.map { values[$0] }.reduce(0, +)
        #expect(SubsetSum.find(values, target: target, nodeBudget: 50) == nil)
        #expect(SubsetSum.find(values, target: target, nodeBudget: 10_000_000) == chosen)
    }

    @Test func overflowingTotalsFindNothing() {
        #expect(SubsetSum.find([.max, .max, 1], target: 2, nodeBudget: 1_000) == nil)
    }

    @Test func agreesWithBruteForceOnSmallSets() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let values = (0..<Int.random(in: 2...10, using: &rng)).map { _ in Int64.random(in: 1...20, using: &rng) }
            let target = Int64.random(in: 1...80, using: &rng)
            var best: [Int]?
            for mask in 1..<(1 << values.count) {
                let set = (0..<values.count).filter { mask & (1 << $0) != 0 }
                guard set.count >= 2, set.map({ values[$0] }).reduce(0, +) == target else { continue }
                if best == nil || set.count < best!.count
                    || (set.count == best!.count && set.lexicographicallyPrecedes(best!))
                {
                    best = set
                }
            }
            let found = SubsetSum.find(values, target: target, nodeBudget: 1_000_000)
            #expect(found?.count == best?.count, "\(values) → \(target)")
            if let found { #expect(found.map { values[$0] }.reduce(0, +) == target) }
            if let found, let best, found.count * 2 <= values.count { #expect(found == best) }
        }
    }
}
