/// The strict check every email address Cartera stores or sends to passes: contacts, users, the
/// organisation's reply-to, imported rows, and again in the MIME writer and the SMTP client.
///
/// Stricter than RFC 5322 on purpose: one "@", a dot-atom local part (no quoted strings, no
/// comments), a domain of dot-separated LDH labels (no IP literals), ASCII only, and the RFC 5321
/// limits (local part 64 octets, domain 255, the whole path 254). Every address a real mailbox
/// has passes; what fails could only be a typo or an attempt to steer a message (a line break,
/// "<", ">", a space before "SIZE=" in an SMTP command).
public enum EmailAddress {
    public static let maximumLength = 254
    public static let maximumLocalPartLength = 64
    public static let maximumDomainLength = 255
    public static let maximumLabelLength = 63

    public enum Problem: Error, Equatable, Sendable {
        case empty, tooLong, notASCII, controlCharacter, notOneAt, localPart, localPartTooLong, domain, domainTooLong

        /// English, for the API's message (other languages translate the code).
        public var reason: String {
            switch self {
            case .empty: "it is empty"
            case .tooLong: "it is longer than \(EmailAddress.maximumLength) characters"
            case .notASCII: "it has characters outside ASCII"
            case .controlCharacter: "it contains a line break or another control character"
            case .notOneAt: "it must have exactly one @"
            case .localPart:
                "the part before the @ may hold letters, digits, dots (not first, last or twice in a row) and !#$%&'*+/=?^_`{|}~-"
            case .localPartTooLong:
                "the part before the @ is longer than \(EmailAddress.maximumLocalPartLength) characters"
            case .domain: "the domain must be names such as empresa.co: letters, digits and hyphens separated by dots"
            case .domainTooLong: "the domain is longer than \(EmailAddress.maximumDomainLength) characters"
            }
        }
    }

    /// nil when `address` is acceptable as it is.
    public static func problem(in address: String) -> Problem? {
        let bytes = Array(address.utf8)
        guard !bytes.isEmpty else { return .empty }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return .notASCII }
        guard bytes.count <= maximumLength else { return .tooLong }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .notOneAt }
        let local = parts[0]
        let domain = parts[1]
        guard local.count <= maximumLocalPartLength else { return .localPartTooLong }
        guard isDotAtom(local) else { return .localPart }
        guard domain.count <= maximumDomainLength else { return .domainTooLong }
        guard isDomain(domain) else { return .domain }
        return nil
    }

    public static func isValid(_ address: String) -> Bool { problem(in: address) == nil }

    /// What the MIME writer and the SMTP client demand of any address they put in a header or a
    /// command, including ones that never went through `problem(in:)` (the operator's
    /// `CARTERA_MAIL_FROM`, such as `cobranza@localhost`; rows stored before the strict check): one
    /// "@" between non-empty parts, printable ASCII only, and none of the characters that end or
    /// extend an address in a header or an SMTP command (space, `<>()[],;:"\`).
    public static func isSafeForTransport(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= maximumLength,
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !#"<>()[],;:"\"#.utf8.contains($0) })
        else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }

    private static func isDotAtom(_ local: ArraySlice<UInt8>) -> Bool {
        let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy(isAtext) }
    }

    /// RFC 5322 atext: letters, digits and !#$%&'*+-/=?^_`{|}~.
    private static func isAtext(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    /// Two or more labels; the last is not all digits (no IP addresses dressed as domains).
    private static func isDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, !top.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return false
        }
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= maximumLabelLength else {
                return false
            }
            return first != UInt8(ascii: "-") && last != UInt8(ascii: "-")
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
