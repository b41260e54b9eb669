import CarteraCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client on SwiftNIO: plain, STARTTLS or implicit TLS, optional AUTH PLAIN.
/// One connection per message keeps it simple and robust; reminder volumes are modest.
struct SMTPTransport: MessageTransport {
    enum Security: String, Sendable { case none, startTLS = "starttls", tls }

    struct Configuration: Sendable {
        var host: String
        var port: Int
        var security: Security
        var username: String?
        var password: String?
        /// Only for test servers with self-signed certificates.
        var verifyCertificates = true
        var heloName = "cartera.local"
        var timeout: TimeAmount = .seconds(30)

        /// SNI may only carry a host name, never an IP address.
        var serverName: String? {
            host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
        }
    }

    let configuration: Configuration
    let group: any EventLoopGroup

    func deliver(_ message: OutgoingMessage) async throws {
        // Everything that could be refused is refused before a connection is opened: the message
        // text (MIME writer) and the envelope, so a bad address costs no connection and sends nothing.
        let data = Self.dotStuffed(try MIMEMessage.render(message)) + "\r\n."
        let mailFrom = try Self.envelopeCommand("MAIL FROM", message.fromAddress)
        let rcptTo = try Self.envelopeCommand("RCPT TO", message.toAddress)
        let handler = SMTPReplyHandler()
        let tls = try makeTLSContext()
        let configuration = configuration
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(configuration.timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if configuration.security == .tls, let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: configuration.serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        let session = Session(channel: channel, handler: handler, timeout: configuration.timeout)
        do {
            try await session.expect(220)
            try await session.command("EHLO \(configuration.heloName)", expect: 250)
            if configuration.security == .startTLS, let tls {
                try await session.command("STARTTLS", expect: 220)
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: configuration.serverName),
                        position: .first)
                }.get()
                try await session.command("EHLO \(configuration.heloName)", expect: 250)
            }
            if let username = configuration.username, let password = configuration.password {
                let credentials = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                try await session.command("AUTH PLAIN \(credentials)", expect: 235)
            }
            try await session.command(mailFrom, expect: 250)
            try await session.command(rcptTo, expect: 250, 251)
            try await session.command("DATA", expect: 354)
            try await session.data(data, expect: 250)
            _ = try? await session.command("QUIT", expect: 221)
        } catch {
            try? await channel.close()
            throw error
        }
        try? await channel.close()
    }

    private func makeTLSContext() throws -> NIOSSLContext? {
        guard configuration.security != .none else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        if !configuration.verifyCertificates { tls.certificateVerification = .none }
        return try NIOSSLContext(configuration: tls)
    }

    /// `MAIL FROM:<a@b>` / `RCPT TO:<a@b>`, for an address that cannot close the brackets, add
    /// parameters (` SIZE=…`) or start another command (CR, LF).
    static func envelopeCommand(_ verb: String, _ address: String) throws -> String {
        guard EmailAddress.isSafeForTransport(address) else {
            throw TransportError(
                description: "refused to send \(verb): the address is not a plain local@domain address",
                isPermanent: true)
        }
        let command = "\(verb):<\(address)>"
        try requireSingleLine(command)
        return command
    }

    /// A command is one line: CR or LF inside it would be a second command the server obeys.
    static func requireSingleLine(_ command: String) throws {
        guard !command.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else {
            let verb = command.prefix { $0 != " " && $0 != ":" && $0 != "\r" && $0 != "\n" }
            throw TransportError(
                description: "refused to send an SMTP \(verb) command with a line break in it", isPermanent: true)
        }
    }

    /// Lines starting with "." get a second one, so the body can never end the DATA early (RFC 5321 4.5.2).
    static func dotStuffed(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    private struct Session {
        let channel: any Channel
        let handler: SMTPReplyHandler
        let timeout: TimeAmount

        @discardableResult
        func expect(_ codes: Int...) async throws -> SMTPReply {
            let handler = handler
            let eventLoop = channel.eventLoop
            let reply = try await eventLoop.flatSubmit { handler.nextReply(on: eventLoop) }
                .withTimeout(timeout, on: eventLoop).get()
            guard codes.contains(reply.code) else {
                throw TransportError(
                    description: "SMTP \(reply.code) \(reply.text)", isPermanent: (500..<600).contains(reply.code))
            }
            return reply
        }

        /// One command line; refused before writing if it has CR or LF (see `requireSingleLine`).
        @discardableResult
        func command(_ line: String, expect codes: [Int]) async throws -> SMTPReply {
            try SMTPTransport.requireSingleLine(line)
            return try await send(line, verb: line.split(separator: " ").first.map(String.init) ?? line, expect: codes)
        }

        @discardableResult
        func command(_ line: String, expect codes: Int...) async throws -> SMTPReply {
            try await command(line, expect: codes)
        }

        /// The message after DATA: dot-stuffed MIME text ending in CRLF "." (its line breaks are its own).
        func data(_ text: String, expect codes: Int...) async throws {
            try await send(text, verb: "DATA", expect: codes)
        }

        @discardableResult
        private func send(_ line: String, verb: String, expect codes: [Int]) async throws -> SMTPReply {
            var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
            buffer.writeString(line + "\r\n")
            try await channel.writeAndFlush(buffer)
            let handler = handler
            let eventLoop = channel.eventLoop
            let reply = try await eventLoop.flatSubmit { handler.nextReply(on: eventLoop) }
                .withTimeout(timeout, on: eventLoop).get()
            guard codes.contains(reply.code) else {
                throw TransportError(
                    description: "SMTP \(verb.count > 12 ? "DATA" : verb): \(reply.code) \(reply.text)",
                    isPermanent: (500..<600).contains(reply.code))
            }
            return reply
        }
    }
}

extension EventLoopFuture {
    /// Fails with a timeout error if the future has not completed in time.
    fileprivate func withTimeout(_ timeout: TimeAmount, on eventLoop: any EventLoop) -> EventLoopFuture<Value> {
        let promise = eventLoop.makePromise(of: Value.self)
        let scheduled = eventLoop.scheduleTask(in: timeout) {
            promise.fail(TransportError(description: "SMTP server did not answer in time"))
        }
        whenComplete { result in
            scheduled.cancel()
            promise.completeWith(result)
        }
        return promise.futureResult
    }
}
