import CarteraCore
import Foundation

/// A value that can be one item of a `StoredList`.
protocol StoredListItem {
    init?(storedItem: String)
    var storedItem: String { get }
}

/// A list kept in one text column as comma-separated items ("1,2,3,4,5", "overdue,debt_summary"):
/// the one place that knows the format. Items that no longer parse (a removed enum case, a
/// malformed date) are left out when reading rather than failing the whole row.
enum StoredList<Item: StoredListItem> {
    static func decode(_ text: String) -> [Item] {
        text.split(separator: ",").compactMap { Item(storedItem: String($0)) }
    }

    static func encode(_ items: some Sequence<Item>) -> String {
        items.map(\.storedItem).joined(separator: ",")
    }
}

extension StoredListItem where Self: RawRepresentable, RawValue == String {
    init?(storedItem: String) { self.init(rawValue: storedItem) }
    var storedItem: String { rawValue }
}

extension ReminderKind: StoredListItem {}

extension String: StoredListItem {
    init?(storedItem: String) { self = storedItem }
    var storedItem: String { self }
}

extension Int: StoredListItem {
    init?(storedItem: String) { self.init(storedItem) }
    var storedItem: String { String(self) }
}

extension UUID: StoredListItem {
    init?(storedItem: String) { self.init(uuidString: storedItem) }
    var storedItem: String { uuidString }
}

extension LocalDate: StoredListItem {
    init?(storedItem: String) { try? self.init(iso: storedItem) }
    var storedItem: String { iso }
}
