import Foundation
import Testing

@testable import CarteraCore

/// The one rule for text people send (names, emails, notes) and the strict address check.
@Suite struct SafeTextTests {
    @Test(arguments: [
        "Ana\r\nBcc: x@evil.example", "Ana\nB", "Ana\rB", "Ana\tB", "A\u{0}B", "A\u{7F}B", "A\u{85}B", "A\u{9B}B",
        "A\u{2028}B", "A\u{2029}B", "Acme\u{202E}gnp.exe", "A\u{202A}B", "A\u{2066}B", "A\u{2069}B", "A\u{200E}B",
        "A\u{200F}B",
    ])
    func aNameRefusesControlCharacters(_ text: String) {
        #expect(SafeText.problem(in: text, kind: .line) != nil)
    }

    @Test func realNamesPass() {
        for name in ["Ferretería Ñandú Ltda.", "O'Brien & Hijos", "José María Pérez-Gómez", "株式会社テスト", "محمد", "Zoë 👩‍💼"]
        {
            #expect(SafeText.problem(in: name, kind: .line) == nil, "\(name)")
        }
    }

    @Test func notesKeepLineBreaksButNotNULOrOverrides() {
        #expect(SafeText.problem(in: "Llamó el lunes.\r\nPaga el viernes.\n\tSin falta.", kind: .multiline) == nil)
        #expect(SafeText.problem(in: "nota\u{0}oculta", kind: .multiline) == .controlCharacter("\u{0}"))
        #expect(SafeText.problem(in: "nota \u{202E}al revés", kind: .multiline) == .bidiControl("\u{202E}"))
        #expect(SafeText.problem(in: "a\u{2028}b", kind: .multiline) == .lineBreak("\u{2028}"))
        #expect(SafeText.Problem.lineBreak("\n").codePoint == "U+000A")
    }

    @Test func theFieldDecidesTheKind() {
        #expect(SafeText.kind(forField: "notes") == .multiline)
        #expect(SafeText.kind(forField: "reason") == .multiline)
        #expect(SafeText.kind(forField: "body") == .multiline)
        #expect(SafeText.kind(forField: "name") == .line)
        #expect(SafeText.kind(forField: "legal_name") == .line)
        #expect(SafeText.kind(forField: "lines[0].description") == .line)
        #expect(SafeText.kind(forField: "reply_to_email") == .line)
    }

    @Test(arguments: [
        "ana@empresa.co", "tesoreria+cobros@progreso.com.co", "a.b-c_d@sub.dominio-x.com", "x@a.io",
        "o'brien@example.ie",
    ])
    func addressesThatExistPass(_ address: String) {
        #expect(EmailAddress.problem(in: address) == nil)
    }

    @Test func addressesThatCouldSteerAMessageAreRefused() {
        let cases: [(String, EmailAddress.Problem)] = [
            ("Ana\r\nBcc: x@evil.example", .controlCharacter),
            ("ana@empresa.co\r\nBcc: x@evil.example", .controlCharacter),
            ("ana@empresa.co\u{0}", .controlCharacter), ("", .empty), ("ana", .notOneAt), ("a@b@c.co", .notOneAt),
            ("ana maria@empresa.co", .localPart), ("<ana@empresa.co>", .localPart), ("ana@empresa.co> SIZE=1", .domain),
            (".ana@empresa.co", .localPart), ("ana.@empresa.co", .localPart), ("an..a@empresa.co", .localPart),
            ("ana@localhost", .domain), ("ana@empresa..co", .domain), ("ana@-empresa.co", .domain),
            ("ana@empresa.co.", .domain),
            ("ana@[127.0.0.1]", .domain), ("ana@1.2.3.4", .domain), ("añá@empresa.co", .notASCII),
            ("ana@empresa\u{202E}.co", .notASCII),
            (String(repeating: "a", count: 65) + "@empresa.co", .localPartTooLong),
            ("a@" + String(repeating: "b", count: 64) + ".co", .domain),
            (
                "a@" + Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: ".") + ".co",
                .tooLong
            ),
        ]
        for (address, problem) in cases {
            #expect(EmailAddress.problem(in: address) == problem, "\(address.debugDescription)")
        }
    }

    @Test func theTransportCheckTakesTheOperatorsLocalhostSenderButNoInjection() {
        #expect(EmailAddress.isSafeForTransport("cobranza@localhost"))
        #expect(!EmailAddress.isSafeForTransport("a@b.co>\r\nRCPT TO:<x@evil.example"))
        #expect(!EmailAddress.isSafeForTransport("a@b.co> SIZE=9"))
        #expect(!EmailAddress.isSafeForTransport("a@b.co\r\n"))
    }
}
