import Vapor

/// Refuses callers whose role is below `minimum` with 403. With `writesOnly`, reads (GET, HEAD)
/// pass for every authenticated role: a viewer sees everything and changes nothing.
struct RequireRole: AsyncMiddleware {
    let minimum: Role
    var writesOnly = false

    static let anyWrite = RequireRole(minimum: .collector, writesOnly: true)
    static let adminWrite = RequireRole(minimum: .admin, writesOnly: true)
    static let admin = RequireRole(minimum: .admin)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let role = request.role else { throw ServiceError.unauthorized }
        let isRead = request.method == .GET || request.method == .HEAD
        if !(writesOnly && isRead) && !role.allows(minimum) {
            throw ServiceError.forbidden(needs: minimum)
        }
        return try await next.respond(to: request)
    }
}

extension ServiceError {
    static func forbidden(needs role: Role) -> ServiceError {
        ServiceError(.forbidden, code: "forbidden", message: "This needs the \(role.rawValue) role")
    }
}
