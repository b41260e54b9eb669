import Fluent
import Vapor

/// `cartera revoke-api-key --prefix ck_1a2b3c4d` (the prefix `create-api-key` and the key list show)
/// or `--id <uuid>`: the key stops working. Running servers each remember a checked key for
/// `APIKeyCache.ttl` (30 s), so they refuse it within that time; `POST /api/v1/api-keys/{id}/revoke`
/// refuses it at once on the instance that answers.
struct RevokeAPIKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "id", help: "The key's id")
        var id: String?
        @Option(name: "prefix", help: "The key's first characters, as shown when it was created (ck_ and 8 more)")
        var prefix: String?
    }

    var help: String { "Revokes an API key (running servers refuse it within 30 seconds)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let query = APIKey.query(on: db)
        switch (signature.id, signature.prefix) {
        case (let id?, nil):
            guard let uuid = UUID(uuidString: id) else {
                throw CommandArgumentError(field: "--id", message: "must be a UUID")
            }
            query.filter(\.$id == uuid)
        case (nil, let prefix?):
            guard prefix.hasPrefix(APIKeys.secretPrefix), prefix.count >= APIKeys.secretPrefix.count + 8 else {
                throw CommandArgumentError(
                    field: "--prefix", message: "must be the key's first characters, such as ck_1a2b3c4d")
            }
            query.filter(\.$prefix == String(prefix.prefix(APIKeys.secretPrefix.count + 8)))
        default:
            throw CommandArgumentError(field: "--id", message: "name the key with --id or --prefix (one of them)")
        }
        let keys = try await query.all()
        guard keys.count == 1, let key = keys.first else {
            throw CommandArgumentError(
                field: signature.id == nil ? "--prefix" : "--id",
                message: keys.isEmpty ? "no such key" : "\(keys.count) keys match; use --id")
        }
        let service = try await ServiceContext.make(
            db: db, actor: Actor(organisationID: key.organisationID, name: "cli"), app: context.application)
        let revoked = try await APIKeyRevocation.revoke(id: try key.requireID(), in: service, app: context.application)
        context.console.info(
            "Revoked \(revoked.prefix)… (\(revoked.name)); running servers refuse it within \(Int(APIKeyCache.ttl)) seconds."
        )
    }
}
