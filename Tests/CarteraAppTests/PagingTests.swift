import Foundation
import Testing

@testable import CarteraApp

/// Listings count exactly up to 10,000 items (or the requested page), then say "at least".
@Suite struct PagingTests {
    @Test func smallListingsCountExactlyAndSayWhetherMoreFollow() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            for number in ["P-1", "P-2", "P-3"] {
                _ = try await h.createInvoice(customer: customer, number: number, total: "10.00")
            }
            let first = try await h.get("/api/v1/invoices?per_page=2")
            #expect(
                first.json["total"].int == 3 && first.json["total_exact"].bool == true
                    && first.json["has_more"].bool == true)
            let last = try await h.get("/api/v1/invoices?per_page=2&page=2")
            #expect(last.json["items"].array.count == 1 && last.json["has_more"].bool == false)
        }
    }

    @Test func pastTheLimitTheTotalIsALowerBoundUntilThePageReachesTheEnd() async throws {
        try await TestHarness.run { h in
            // given 10,050 invoices, more than the exact-count limit
            var csv = ImportTests.header
            for index in 0..<10_050 { csv += "C1,Cliente Uno S.A.S.,N-\(index),2026-01-05,2026-02-04,10.00,,COP,\n" }
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic")
            try #require(imported.status == .ok || imported.status == .created, "\(imported.json)")
            // the first page does not count them all
            let first = try await h.get("/api/v1/invoices?per_page=50")
            #expect(first.json["total"].int == PageTotal.exactLimit + 1 && first.json["total_exact"].bool == false)
            #expect(first.json["has_more"].bool == true && first.json["items"].array.count == 50)
            // the last page does, and knows nothing follows
            let last = try await h.get("/api/v1/invoices?per_page=50&page=201")
            #expect(last.json["total"].int == 10_050 && last.json["total_exact"].bool == true, "\(last.json["total"])")
            #expect(last.json["has_more"].bool == false && last.json["items"].array.count == 50)
        }
    }
}
