import CarteraCore
import Fluent

/// How often the periodic statement of open items (debt summary) goes out.
public enum SummaryFrequency: String, Codable, Sendable, CaseIterable {
    case off, weekly, monthly
}
