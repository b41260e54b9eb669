import Fluent
import Foundation
import Vapor

/// Customer portal links: `https://…/portal/pt_<43 url-safe characters>`. 256 random bits, so a
/// link cannot be guessed; the server keeps only its SHA-256, so a database leak gives none away;
/// each link works for one customer, until it expires or is revoked.
enum PortalLinks {
    static let prefix = "pt_"
    static let defaultLifetimeDays = 60

    struct Created {
        let token: PortalToken
        let url: String
    }

    struct Access {
        let token: PortalToken
        let customer: Customer
        let organisation: Organisation
    }

    /// `audited: false` for the links inside messages: the message's own audit record covers them.
    static func create(
        for customer: Customer, days: Int = defaultLifetimeDays, in context: ServiceContext, audited: Bool = true
    ) async throws -> Created {
        guard (1...365).contains(days) else {
            throw ServiceError.invalid("days", "A link lasts between 1 and 365 days")
        }
        let secret = prefix + [UInt8].random(count: 32).base64URLEncoded
        let token = PortalToken()
        token.organisationID = context.organisationID
        token.$customer.id = try customer.requireID()
        token.secretHash = hash(secret)
        token.expiresAt = context.clock.now().addingTimeInterval(TimeInterval(days * 86_400))
        token.createdBy = context.actor.name
        try await token.create(on: context.db)
        if audited {
            try await AuditLog.record(
                "portal.link_created", entityType: "customer", entityID: try customer.requireID(),
                details: ["expires_at": ISO8601DateFormatter().string(from: token.expiresAt)], in: context)
        }
        return Created(token: token, url: AppURL.portalLink(secret, publicURL: context.publicURL))
    }

    /// The customer behind a link, or nil for anything forged, expired or revoked — all answered alike.
    static func open(secret: String, now: Date, on db: any Database) async throws -> Access? {
        guard secret.hasPrefix(prefix), secret.count < 100,
            let token = try await PortalToken.query(on: db).filter(\.$secretHash == hash(secret)).with(\.$customer)
                .first(),
            token.revokedAt == nil, token.expiresAt > now,
            let organisation = try await Organisation.find(token.organisationID, on: db)
        else { return nil }
        // Noted at most every few minutes: a write per view made every post through one link wait for
        // the row lock the rate limit takes, holding a pooled connection while it waited.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 300 }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: db)
        }
        return Access(token: token, customer: token.customer, organisation: organisation)
    }

    /// Every link of the customer stops working at once.
    static func revokeAll(for customer: Customer, in context: ServiceContext) async throws -> Int {
        let live = try await PortalToken.query(on: context.db).filter(\.$customer.$id == customer.requireID()).filter(
            \.$revokedAt == nil
        ).all()
        try await context.transaction { tx in
            for token in live {
                token.revokedAt = tx.clock.now()
                try await token.save(on: tx.db)
            }
            try await AuditLog.record(
                "portal.links_revoked", entityType: "customer", entityID: try customer.requireID(),
                details: ["count": String(live.count)], in: tx)
        }
        return live.count
    }

    private static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexEncodedString()
    }
}
