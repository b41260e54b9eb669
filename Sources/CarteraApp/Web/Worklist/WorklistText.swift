import CarteraCore

/// Why an account is at its rank on the worklist, in words: something to do today, the customer's
/// risk, promises broken, else only what is overdue and for how long. The score behind the order is
/// never shown: it is a product of money and days, not a figure anyone can read.
enum WorklistText {
    static func why(_ item: WorklistQuery.Item, format: PageFormat) -> String {
        var parts: [String] = []
        if item.needsActionToday { parts.append(format.text("worklist.why.action_today")) }
        if item.risk.level != .low {
            parts.append(format.text("worklist.why.risk", ["risk": format.text("risk.\(item.risk.level.rawValue)")]))
        }
        if item.recentBrokenPromises > 0 {
            let key = item.recentBrokenPromises == 1 ? "worklist.why.broken_promise" : "worklist.why.broken_promises"
            parts.append(format.text(key, ["count": String(item.recentBrokenPromises)]))
        }
        if parts.isEmpty || !item.overdue.isEmpty { parts.append(format.text("worklist.why.overdue")) }
        let sentence = parts.joined(separator: ", ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }
}
