import Foundation

/// The default transport: writes each email as an .eml file (and each SMS as a .sms.txt file) into a
/// folder, so a fresh install "sends" without any server and every message can be opened and read.
struct FileTransport: MessageTransport {
    let directory: URL

    func deliver(_ message: OutgoingMessage) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = message.messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>")).replacingOccurrences(
            of: "@", with: "_")
        let (file, contents) =
            switch message.channel {
            case .sms: ("\(name).sms.txt", "To: \(message.toAddress)\n\n\(message.text)\n")
            case .email, .letter, .callTask: ("\(name).eml", try MIMEMessage.render(message))
            }
        // Written under a temporary name and renamed, so a reader never sees half a message.
        let temporary = directory.appendingPathComponent(".\(file).tmp")
        try Data(contents.utf8).write(to: temporary)
        let target = directory.appendingPathComponent(file)
        _ = try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: temporary, to: target)
    }
}
