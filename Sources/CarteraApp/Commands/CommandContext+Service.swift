import Fluent
import Vapor

extension CommandContext {
    /// The service context for a command: the organisation named by `--organisation`, or the only one.
    func serviceContext(organisation id: String?) async throws -> ServiceContext {
        let db = application.db
        let organisation: Organisation
        if let id {
            guard let uuid = UUID(uuidString: id), let found = try await Organisation.find(uuid, on: db) else {
                throw CommandArgumentError(field: "--organisation", message: "no organisation with id \(id)")
            }
            organisation = found
        } else {
            let all = try await Organisation.query(on: db).all()
            guard all.count == 1 else {
                throw CommandArgumentError(
                    field: "--organisation",
                    message: all.isEmpty
                        ? "no organisation yet; run create-api-key or demo first"
                        : "there are \(all.count) organisations; name one")
            }
            organisation = all[0]
        }
        return try await ServiceContext.make(
            db: db, actor: Actor(organisationID: try organisation.requireID(), name: "cli"), app: application)
    }
}
