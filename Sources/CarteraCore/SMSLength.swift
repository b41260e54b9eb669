/// How long an SMS Cartera writes may grow when other things of the day ride at its end (an instalment
/// notice, a thank-you). Gateways split longer texts into concatenated parts that are billed apart and
/// can arrive out of order, so a rider that would pass two parts of plain text (2 × 153 characters) is
/// left out and goes alone by email instead. A budget in characters, not an exact GSM-7/UCS-2 count.
public enum SMSLength {
    public static let limit = 306

    /// The `sentences`, in order, that still fit after `body` when each is joined with a space.
    public static func fitting(_ sentences: [String], after body: String) -> [String] {
        var length = body.count
        var kept: [String] = []
        for sentence in sentences {
            let grown = length + 1 + sentence.count
            guard grown <= limit else { continue }
            kept.append(sentence)
            length = grown
        }
        return kept
    }
}
