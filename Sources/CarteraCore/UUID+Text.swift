import Foundation

extension UUID {
    /// `uuidString` ("E621E1F8-C36C-495A-93FC-0C247A3E6E5F", upper case), written without
    /// Foundation's `snprintf`: ids are text in SQLite, so every id bound or stored is formatted.
    public var canonicalText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var index = 0
                for (byteIndex, byte) in bytes.enumerated() {
                    if byteIndex == 4 || byteIndex == 6 || byteIndex == 8 || byteIndex == 10 {
                        out[index] = 0x2D
                        index += 1
                    }
                    out[index] = Self.hexDigit(byte >> 4)
                    out[index + 1] = Self.hexDigit(byte & 0x0F)
                    index += 2
                }
                return index
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10
    }
}
