import Vapor

/// The workspace's page routes, wired in `routes.swift`.
struct WebPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: SignInController())
        try routes.register(collection: PortalPages())
        let signedIn = routes.grouped(RequireSignIn())
        signedIn.get { try await DashboardPage.render(req: $0) }
        signedIn.get("worklist") { try await WorklistPage.render(req: $0) }
        signedIn.get("audit") { try await AuditPage.render(req: $0) }
        try signedIn.register(collection: CustomerPages())
        try signedIn.register(collection: InvoicePages())
        try signedIn.register(collection: UsersPages())
        try signedIn.register(collection: AccountPages())
        try signedIn.register(collection: ReconciliationPages())
        try signedIn.register(collection: ReportPages())
        try signedIn.register(collection: ImportPages())
    }
}
