import Foundation
import NIOCore
import Vapor

/// Who may read `/metrics`. With a token: whoever sends it (compared in constant time, as SHA-256
/// digests so not even the length leaks). Without: a loopback client only, and not one relaying
/// for someone else — a proxy on the same machine connects from 127.0.0.1 but adds a forwarding
/// header, and its clients are not on this machine.
enum MetricsAccess {
    static func allows(remote: SocketAddress?, headers: HTTPHeaders, token: String?) -> Bool {
        if let token {
            guard let sent = headers.bearerAuthorization?.token else { return false }
            return constantTimeEqual(sent, token)
        }
        let forwarded = ["Forwarded", "X-Forwarded-For", "X-Real-IP"].contains { !headers[$0].isEmpty }
        return !forwarded && isLoopback(remote)
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return false }
        if ip == "::1" { return true }
        if ip.hasPrefix("::ffff:") { return ip.dropFirst(7).hasPrefix("127.") }
        return ip.hasPrefix("127.")
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(SHA256.hash(data: Data(a.utf8)))
        let y = Array(SHA256.hash(data: Data(b.utf8)))
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
