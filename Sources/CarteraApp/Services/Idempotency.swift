import Fluent
import Foundation
import SQLKit
import Vapor

/// `Idempotency-Key` on money-moving POSTs: the first request with a key is processed and its answer
/// stored in the same transaction; a retry with the same key and the same request gets that answer
/// again; the same key with a different request is refused (422). Two requests racing with one key:
/// the unique index lets one in, the other waits and then replays its answer.
enum Idempotency {
    static let header = "Idempotency-Key"

    static func run(
        _ req: Request, context: ServiceContext,
        _ work: @escaping @Sendable (ServiceContext) async throws -> (HTTPStatus, Data)
    ) async throws -> Response {
        guard let key = req.headers.first(name: header) else {
            let (status, body) = try await work(context)
            return response(status, body)
        }
        guard (1...255).contains(key.count) else {
            throw ServiceError.invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 255 characters")
        }
        let fingerprint = requestHash(req)
        if let stored = try await find(key, in: context) { return try replay(stored, fingerprint: fingerprint) }
        do {
            return try await context.transaction { tx in
                let record = IdempotencyRecord()
                record.organisationID = tx.organisationID
                record.key = key
                record.requestHash = fingerprint
                record.statusCode = 0
                record.responseBody = ""
                // Claims the key first: a concurrent request with it blocks here until this one ends.
                try await record.create(on: tx.db)
                let (status, body) = try await work(tx)
                record.statusCode = Int(status.code)
                record.responseBody = String(decoding: body, as: UTF8.self)
                try await record.save(on: tx.db)
                return response(status, body)
            }
        } catch {
            guard let database = error as? any DatabaseError, database.isConstraintFailure,
                let stored = try await find(key, in: context)
            else { throw error }
            return try replay(stored, fingerprint: fingerprint)
        }
    }

    private static func find(_ key: String, in context: ServiceContext) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: context.db).filter(\.$organisationID == context.organisationID).filter(
            \.$key == key
        ).first()
    }

    private static func replay(_ stored: IdempotencyRecord, fingerprint: String) throws -> Response {
        guard stored.requestHash == fingerprint else {
            throw ServiceError(
                .invalid, code: "idempotency_key_reused",
                message: "This Idempotency-Key was used for a different request", field: "Idempotency-Key")
        }
        let replayed = response(HTTPStatus(statusCode: stored.statusCode), Data(stored.responseBody.utf8))
        replayed.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return replayed
    }

    private static func response(_ status: HTTPStatus, _ body: Data) -> Response {
        let response = Response(status: status, body: .init(data: body))
        response.headers.contentType = .json
        return response
    }

    /// The request's identity: method, path and the body, its JSON keys sorted so that a client that
    /// serialises the same object in another key order is still making the same request.
    private static func requestHash(_ req: Request) -> String {
        var data = Data("\(req.method.rawValue) \(req.url.path)\n".utf8)
        if let body = req.body.data {
            let raw = Data(body.readableBytesView)
            if let object = try? JSONSerialization.jsonObject(with: raw, options: [.fragmentsAllowed]),
                let canonical = try? JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
            {
                data.append(canonical)
            } else {
                data.append(raw)
            }
        }
        return SHA256.hash(data: data).hexEncodedString()
    }
}
