import Vapor

/// What composing customer messages needs: templates and translations.
struct Messaging: Sendable {
    let catalog: TemplateCatalog
    let localizer: Localizer
}

extension Application {
    private struct MessagingKey: StorageKey { typealias Value = Messaging }

    var messaging: Messaging {
        get {
            guard let messaging = storage[MessagingKey.self] else { fatalError("configure(_:) sets up messaging") }
            return messaging
        }
        set { storage[MessagingKey.self] = newValue }
    }
}
