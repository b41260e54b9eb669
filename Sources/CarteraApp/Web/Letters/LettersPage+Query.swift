import CarteraCore
import Fluent
import Foundation

/// Everything the letters pages show, read once: the letters asked for (the queue, or one), the customers
/// they go to (for the postal blocks), and on the list the last ones posted.
struct LettersPageData {
    let letters: [OutboxMessage]
    let posted: [OutboxMessage]
    let customers: [UUID: Customer]

    static func queue(in context: ServiceContext) async throws -> LettersPageData {
        try await read(
            try await LetterService.queue(in: context), posted: try await LetterService.recentlyPosted(in: context),
            in: context)
    }

    static func one(_ id: UUID, in context: ServiceContext) async throws -> LettersPageData {
        try await read([try await LetterService.find(id, in: context)], posted: [], in: context)
    }

    private static func read(_ letters: [OutboxMessage], posted: [OutboxMessage], in context: ServiceContext)
        async throws -> LettersPageData
    {
        let ids = Array(Set((letters + posted).map(\.$customer.id)))
        let customers =
            ids.isEmpty
            ? []
            : try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
                .filter(\.$id ~~ ids).all()
        return LettersPageData(
            letters: letters, posted: posted,
            customers: Dictionary(uniqueKeysWithValues: try customers.map { (try $0.requireID(), $0) }))
    }

    /// Each letter with its customer, in order; a letter whose customer is gone is left out.
    var sheets: [(letter: OutboxMessage, customer: Customer)] {
        letters.compactMap { letter in customers[letter.$customer.id].map { (letter, $0) } }
    }
}
