public enum PaymentMethod: String, Codable, Sendable, CaseIterable {
    case transfer, card, cash, check, online, other
}
