/// Digits in groups of three from the right: "1500000" with "." is "1.500.000". The one rule for
/// amounts, counts and tax ids alike.
public func groupedInThousands(_ digits: some StringProtocol, separator: Character) -> String {
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(separator) }
        grouped.append(digit)
    }
    return grouped
}
