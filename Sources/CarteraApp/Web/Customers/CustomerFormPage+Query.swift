import CarteraCore
import Fluent
import Vapor

/// What the customer form reads, once: the customer being edited (none for a new one), what was
/// typed when the form was last refused, and the people who can work the account.
struct CustomerFormData {
    let customer: Customer?
    let typed: FormMemory?
    let collectors: [User]
    let organisation: Organisation

    static func read(_ customer: Customer?, typed: FormMemory?, in context: ServiceContext) async throws -> Self {
        let people = try await User.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$name).all()
        return Self(
            customer: customer, typed: typed,
            collectors: people.filter {
                ($0.role.collects && $0.disabledAt == nil) || $0.id == customer?.assignedUserID
            },
            organisation: context.organisation)
    }
}
