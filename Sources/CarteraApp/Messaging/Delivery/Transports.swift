import CarteraCore
import Vapor

/// The transports in use, chosen at configure time from `AppConfig.Delivery`.
struct Transports: Sendable {
    let email: any MessageTransport
    let sms: any MessageTransport
    let fromAddress: String

    func transport(for channel: ReminderChannel) throws -> any MessageTransport {
        switch channel {
        case .email: email
        case .sms: sms
        case .letter, .callTask:
            throw TransportError(description: "\(channel.rawValue) is not transmitted", isPermanent: true)
        }
    }

    static func make(_ delivery: AppConfig.Delivery, app: Application) -> Transports {
        let files = FileTransport(directory: URL(fileURLWithPath: delivery.mailDirectory))
        let email: any MessageTransport =
            delivery.smtp.map { SMTPTransport(configuration: $0, group: app.eventLoopGroup) } ?? files
        let sms: any MessageTransport =
            delivery.smsWebhookURL.map {
                SMSWebhookTransport(url: URI(string: $0), client: app.client, bearerToken: delivery.smsWebhookToken)
            } ?? files
        return Transports(email: email, sms: sms, fromAddress: delivery.fromAddress)
    }
}

extension Application {
    private struct TransportsKey: StorageKey { typealias Value = Transports }

    var transports: Transports {
        get {
            guard let transports = storage[TransportsKey.self] else { fatalError("configure(_:) sets up transports") }
            return transports
        }
        set { storage[TransportsKey.self] = newValue }
    }
}
