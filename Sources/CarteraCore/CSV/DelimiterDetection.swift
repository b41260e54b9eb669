/// Guesses a CSV file's delimiter: ",", ";" or tab. Excel writes ";" where the decimal mark is a
/// comma (Spanish locales), "," elsewhere, and tab for "Unicode text". An Excel "sep=;" first line
/// decides outright. Otherwise, counting each candidate outside quotes on the first 50 lines, the one
/// that appears the same number of times on most lines wins, then the one appearing most: title lines
/// above a report's header count for none, and a decimal comma appears on some lines only.
enum DelimiterDetection {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

    static func detect(_ bytes: [UInt8]) -> UInt8 {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        let hint = Array("sep=".utf8)
        if bytes.count >= start + 5, bytes[start..<start + 4].map({ $0 | 0x20 }) == hint.map({ $0 | 0x20 }) {
            return bytes[start + 4]
        }
        var counts: [[Int]] = [Array(repeating: 0, count: candidates.count)]
        var inQuotes = false
        for byte in bytes[start...] {
            if byte == 0x22 {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if counts.count == 50 { break }
                if counts[counts.count - 1].contains(where: { $0 > 0 }) {
                    counts.append(Array(repeating: 0, count: candidates.count))
                }
                continue
            }
            if let slot = candidates.firstIndex(of: byte) { counts[counts.count - 1][slot] += 1 }
        }
        var best = (delimiter: candidates[0], lines: 0, count: 0)
        for (slot, delimiter) in candidates.enumerated() {
            var frequency: [Int: Int] = [:]
            for line in counts where line[slot] > 0 { frequency[line[slot], default: 0] += 1 }
            guard let (count, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if (lines, count) > (best.lines, best.count) { best = (delimiter, lines, count) }
        }
        return best.delimiter
    }
}
