import CarteraCore
import Fluent
import Foundation
import Vapor

/// `POST /webhooks/stripe`: a verified `checkout.session.completed` for one of our invoices is
/// posted as an online payment, once. The event id is stored in the same transaction as the
/// payment, so a re-delivery finds it and changes nothing.
enum StripeWebhook {
    struct Event: Decodable {
        struct Body: Decodable { let object: CheckoutSession }
        let id: String
        let type: String
        let created: Int
        let data: Body
    }

    struct CheckoutSession: Decodable {
        let id: String
        let paymentStatus: String?
        let amountTotal: Int64?
        let currency: String?
        let paymentIntent: String?
        let metadata: [String: String]?

        enum CodingKeys: String, CodingKey {
            case id, currency, metadata
            case paymentStatus = "payment_status", amountTotal = "amount_total", paymentIntent = "payment_intent"
        }
    }

    enum Outcome: String, Content { case posted, duplicate, ignored }

    struct Reply: Content {
        let status: Outcome
        let paymentId: UUID?
    }

    static func handle(_ req: Request, stripe: StripeCheckout) async throws -> Reply {
        guard let body = req.body.data else {
            throw ServiceError(.badRequest, code: "missing_body", message: "No event")
        }
        let payload = Data(body.readableBytesView)
        do {
            try stripe.verify(
                payload: payload, signatureHeader: req.headers.first(name: "Stripe-Signature") ?? "",
                now: req.application.clock.now())
        } catch let error as StripeCheckout.WebhookError {
            throw ServiceError(
                .badRequest, code: "invalid_signature", message: "The webhook signature is not valid (\(error))")
        }
        let event: Event
        do { event = try JSONDecoder().decode(Event.self, from: payload) } catch {
            throw ServiceError(.badRequest, code: "invalid_event", message: "The event could not be read")
        }
        guard event.type == "checkout.session.completed", event.data.object.paymentStatus == "paid",
            let invoiceText = event.data.object.metadata?["invoice_id"], let invoiceID = UUID(uuidString: invoiceText),
            let organisationText = event.data.object.metadata?["organisation_id"],
            let organisationID = UUID(uuidString: organisationText),
            let minor = event.data.object.amountTotal, let code = event.data.object.currency
        else { return Reply(status: .ignored, paymentId: nil) }

        let context = try await ServiceContext.make(
            db: req.db, actor: Actor(organisationID: organisationID, name: "stripe"), app: req.application)
        if try await WebhookEvent.query(on: req.db).filter(\.$provider == "stripe").filter(\.$eventID == event.id)
            .first() != nil
        {
            return Reply(status: .duplicate, paymentId: nil)
        }
        guard
            let invoice = try await Invoice.query(on: req.db).filter(\.$id == invoiceID).filter(
                \.$organisationID == organisationID
            ).first()
        else {
            throw ServiceError.notFound("invoice")
        }
        let amount = Money(minorUnits: minor, currency: try Currency(code: code.uppercased()))
        let paidOn = LocalDate.today(at: Date(timeIntervalSince1970: TimeInterval(event.created)), in: context.timeZone)
        do {
            return try await context.transaction { tx in
                let record = WebhookEvent()
                record.provider = "stripe"
                record.eventID = event.id
                record.eventType = event.type
                try await record.create(on: tx.db)
                let owed = min(amount.minorUnits, invoice.balanceMinor)
                let payment = try await PaymentService.record(
                    PaymentInput(
                        customerId: invoice.$customer.id, receivedOn: min(paidOn, tx.today).iso,
                        amount: amount.decimalString, currency: amount.currency.code,
                        method: PaymentMethod.online.rawValue,
                        reference: event.data.object.paymentIntent ?? event.data.object.id,
                        notes: "Stripe Checkout \(event.data.object.id)",
                        allocations: owed > 0
                            ? [
                                AllocationInput(
                                    invoiceId: invoiceID,
                                    amount: Money(minorUnits: owed, currency: amount.currency).decimalString)
                            ] : nil,
                        autoAllocate: false), in: tx)
                record.paymentID = try payment.requireID()
                try await record.save(on: tx.db)
                return Reply(status: .posted, paymentId: try payment.requireID())
            }
        } catch {
            // The same event delivered twice at once: the unique event id let only one through.
            if let database = error as? any DatabaseError, database.isConstraintFailure {
                return Reply(status: .duplicate, paymentId: nil)
            }
            throw error
        }
    }
}
