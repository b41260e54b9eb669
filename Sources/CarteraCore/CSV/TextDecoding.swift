/// The character encoding an uploaded file turned out to be in.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    case utf8
    /// Excel's "Unicode text" export; recognised by its byte order mark only.
    case utf16LittleEndian, utf16BigEndian
    /// Not valid UTF-8 and no byte in 0x80–0x9F: ISO 8859-1.
    case latin1
    /// Not valid UTF-8 with bytes in 0x80–0x9F ("€", "…", curly quotes): Windows-1252, what Excel
    /// on Spanish or English Windows saves "CSV" in. Latin-1 is the same for every other byte.
    case windows1252
}

/// Turns uploaded bytes into UTF-8 bytes: UTF-8 as is (byte order mark dropped), UTF-16 with a byte
/// order mark, else Windows-1252/Latin-1, which cannot fail — every byte is a character there, so
/// "Compañía" saved by an old Excel still reads as "Compañía" rather than as an error.
enum TextDecoding {
    static func utf8<Bytes: Collection>(_ bytes: Bytes) -> (bytes: [UInt8], encoding: TextEncoding)
    where Bytes.Element == UInt8 {
        let data = Array(bytes)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            let units = stride(from: 2, to: data.count - 1, by: 2).map { index in
                little
                    ? UInt16(data[index]) | UInt16(data[index + 1]) << 8
                    : UInt16(data[index]) << 8 | UInt16(data[index + 1])
            }
            return (Array(String(decoding: units, as: UTF16.self).utf8), little ? .utf16LittleEndian : .utf16BigEndian)
        }
        if isValidUTF8(data) {
            return (data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data, .utf8)
        }
        var output: [UInt8] = []
        output.reserveCapacity(data.count + data.count / 8)
        var usedWindowsRange = false
        for byte in data {
            guard byte >= 0x80 else {
                output.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if (0x80...0x9F).contains(byte), let windows = windows1252[Int(byte - 0x80)] {
                scalar = windows
                usedWindowsRange = true
            }
            // Every value here is a valid scalar (Latin-1 or the table above); U+FFFD if that ever changed.
            if let encoded = UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { output.append(contentsOf: encoded) }
        }
        return (output, usedWindowsRange ? .windows1252 : .latin1)
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, secondRange) = (3, 0x80...0xBF)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            default: return false
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// Windows-1252 at 0x80–0x9F; nil where it defines nothing (those bytes stay Latin-1's controls).
    private static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil,
        0x017E, 0x0178,
    ]
}
