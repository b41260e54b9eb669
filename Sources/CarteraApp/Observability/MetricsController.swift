import Fluent
import Metrics
import SQLKit
import Vapor

/// `GET /metrics`: the Prometheus exposition, with the outbox's depth by status read at scrape
/// time. Without `CARTERA_METRICS_TOKEN` only a client on this machine may scrape (loopback, and
/// not forwarded by a proxy); with it, anyone presenting `Authorization: Bearer <token>`.
struct MetricsController {
    let token: String?

    func metrics(req: Request) async throws -> Response {
        guard MetricsAccess.allows(remote: req.remoteAddress, headers: req.headers, token: token) else {
            throw token == nil
                ? Abort(
                    .forbidden,
                    reason: "Metrics answer only clients on this machine unless CARTERA_METRICS_TOKEN is set")
                : Abort(.unauthorized)
        }
        struct Row: Decodable {
            let status: String
            let n: Int64
        }
        let rows = try await req.db.sql.raw(
            """
            SELECT status, CAST(COUNT(*) AS BIGINT) AS n FROM outbox_messages GROUP BY status
            """
        ).all(decoding: Row.self)
        let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0.status, $0.n) })
        for status in OutboxStatus.allCases {
            Gauge(label: "cartera_outbox_messages", dimensions: [("status", status.rawValue)]).record(
                counts[status.rawValue] ?? 0)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(CarteraMetrics.exposition())))
    }
}
