import Fluent
import Foundation
import Vapor

extension BackgroundJobs {
    /// The morning email of what the day's run sends, for every organisation that has it on (see
    /// `StaffDigest`). Safe on every tick and beside other servers: each person gets one a day. One
    /// organisation's failure is logged and does not keep the others' email back.
    @discardableResult
    static func sendStaffDigests(app: Application) async throws -> Int {
        var sent = 0
        for organisation in try await Organisation.query(on: app.db).filter(\.$outgoingDigest == true).all() {
            do {
                sent += try await StaffDigest(app: app, organisation: organisation).send()
            } catch {
                app.logger.error("Staff digest for \(organisation.name) failed: \(String(reflecting: error))")
            }
        }
        return sent
    }
}
