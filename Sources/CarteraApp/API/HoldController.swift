import CarteraCore
import Vapor

/// `POST /api/v1/invoices/{id}/hold` and `/hold/release`: a person pauses one invoice's reminders with
/// a reason until a day, or ends the pause.
struct HoldController {
    func place(req: Request) async throws -> Response {
        let input = try req.decodeBody(ManualHoldInput.self)
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        let hold = try await HoldService.placeManual(on: invoice, input, in: context)
        return try await ManualHoldDTO(hold).encodeResponse(status: .created, for: req)
    }

    func release(req: Request) async throws -> ManualHoldReleaseDTO {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        return ManualHoldReleaseDTO(released: try await HoldService.releaseManual(on: invoice, in: context))
    }
}

struct ManualHoldDTO: Content {
    let id: UUID
    let invoiceId: UUID
    let reason: String
    /// The last day reminders stay paused.
    let until: String?

    init(_ hold: DunningHold) throws {
        id = try hold.requireID()
        invoiceId = hold.$invoice.id
        reason = hold.note ?? ""
        until = hold.endsOn
    }
}

struct ManualHoldReleaseDTO: Content {
    /// How many manual pauses ended (0: there was none).
    let released: Int
}
