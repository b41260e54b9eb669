import Foundation
import Testing

@testable import CarteraCore

/// Hostile bank and import files are refused quickly with a message, never by crashing.
@Suite struct ParserLimitsTests {
    static func nested(_ depth: Int) -> Data {
        Data(
            (#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">"#
                + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</Document>").utf8
        )
    }

    @Test func xmlNested100000LevelsIsRefusedInUnderASecond() throws {
        let data = Self.nested(100_000)
        let started = Date()
        #expect(throws: StatementFormatError.self) { try Camt053Parser.parse(data) }
        do { _ = try Camt053Parser.parse(data) } catch let error as StatementFormatError {
            #expect(error.message.contains("nested more than 64 levels"))
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func xmlAtTheDepthLimitStillParsesAsATree() throws {
        // 63 levels under the root is the most allowed; the camt mapping then finds no statement.
        #expect { try Camt053Parser.parse(Self.nested(62)) } throws: { error in
            (error as? StatementFormatError)?.message.contains("expected BkToCstmrStmt") == true
        }
    }

    @Test func xmlWithADoctypeIsRefusedBeforeParsing() {
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document>&lol2;</Document>"#
        #expect { try Camt053Parser.parse(Data(laughs.utf8)) } throws: { error in
            (error as? StatementFormatError)?.message.contains("DOCTYPE") == true
        }
    }

    /// The e-invoice attack files of the shared data set (billion laughs, quadratic blow-up, external
    /// entity), when present.
    @Test func sharedXMLAttackFilesAreRefused() throws {
        let folder = URL(fileURLWithPath: "/work/shared/data/einvoices/attacks")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".xml") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let started = Date()
            #expect(throws: StatementFormatError.self, "\(name)") { try Camt053Parser.parse(data) }
            #expect(Date().timeIntervalSince(started) < 1, "\(name)")
        }
    }

    @Test func sharedCamtSamplesStillParse() throws {
        let folder = URL(fileURLWithPath: "/work/shared/data/bank-statements/camt053")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var parsed = 0
        for name in names where name.hasSuffix(".xml") {
            if (try? Camt053Parser.parse(try Data(contentsOf: folder.appendingPathComponent(name)))) != nil {
                parsed += 1
            }
        }
        #expect(parsed > 10)
    }

    @Test func xmlWithMoreElementsThanTheLimitIsRefused() {
        let count = XMLTree.maximumElements + 1
        let data = Data(("<Document>" + String(repeating: "<a/>", count: count) + "</Document>").utf8)
        #expect { try Camt053Parser.parse(data) } throws: { error in
            (error as? StatementFormatError)?.message.contains("more than \(XMLTree.maximumElements) elements") == true
        }
    }

    @Test func csvFieldAndRowLimits() {
        let layout = CSVStatementLayout.generic
        let longField = "date,amount,reference\n2026-03-01,10.00," + String(repeating: "x", count: 70_000) + "\n"
        #expect { try CSVStatementParser.parse(longField, layout: layout, account: "a") } throws: { error in
            (error as? StatementFormatError).map { $0.line == 2 && $0.message.contains("KiB") } == true
        }
        let unclosed = "date,amount,reference\n2026-03-01,10.00,\"" + String(repeating: "x\n", count: 600_000)
        #expect { try CSVStatementParser.parse(unclosed, layout: layout, account: "a") } throws: { error in
            (error as? StatementFormatError)?.line == 2
        }
        let wide = "date,amount,reference\n" + String(repeating: "1,", count: 1_200) + "\n"
        #expect { try CSVStatementParser.parse(wide, layout: layout, account: "a") } throws: { error in
            (error as? StatementFormatError)?.message.contains("more than 1000 columns") == true
        }
    }

    @Test func importsReportTheLimitAndNameCellsWithControlCharacters() {
        let wide =
            "customer_name,invoice_number,issue_date,due_date,amount\n" + String(repeating: "x,", count: 1_200) + "\n"
        let result = CSVImport.read(Array(wide.utf8), kind: .invoices, options: ImportOptions(defaultCurrency: .cop))
        #expect(result.errors.map(\.code) == [.tooManyFields(maximum: 1_000)])

        let injected =
            "customer_name,contact_name,email\nAcme,\"Ana\r\nBcc: x@evil.example\",ana@acme.co\nAcme,Luis,\"luis@acme.co\r\nBcc: x@evil.example\"\n"
        let contacts = CSVImport.read(
            Array(injected.utf8), kind: .contacts, options: ImportOptions(defaultCurrency: .cop))
        #expect(contacts.contacts.isEmpty)
        #expect(
            contacts.errors.contains {
                $0.line == 2 && $0.field == .contactName && $0.code == .controlCharacter("U+000D")
            })
        #expect(contacts.errors.contains { $0.field == .email && $0.code == .controlCharacter("U+000D") })
    }

    @Test func mt940LineAndFieldLimits() {
        let longLine =
            ":20:REF\n:25:ES12/345\n:60F:C260301EUR100,00\n:86:" + String(repeating: "x", count: 3_000) + "\n"
        #expect { try MT940Parser.parse(longLine) } throws: { error in
            (error as? StatementFormatError).map { $0.line == 4 && $0.message.contains("longer than 2000") } == true
        }
        let endless = ":20:REF\n:25:ES12/345\n:60F:C260301EUR100,00\n:86:a\n" + String(repeating: "more\n", count: 300)
        #expect { try MT940Parser.parse(endless) } throws: { error in
            (error as? StatementFormatError)?.message.contains("more than 200 lines") == true
        }
    }
}
