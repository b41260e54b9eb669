import CarteraCore
import Fluent
import Foundation

/// The weeks of collection work behind the demo, so pages and reports tell a story on day one: a
/// promise kept and one broken, a dispute settled with a credit note and one still open, a payment
/// plan under way with its first instalment paid, and this morning's bank statement reconciled. Every
/// step goes through the services as of the day it happened; the daily checks then settle the
/// promises and the plan.
enum DemoHistory {
    struct Summary: Sendable { var promises = 0, disputes = 0, plans = 0, statementLines = 0 }

    static func create(in context: ServiceContext) async throws -> Summary {
        var summary = Summary()
        let today = context.today
        // From the end of the name order: `DemoActivity` queues its messages from the front.
        var accounts: [(customer: Customer, overdue: [Invoice])] = []
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$currency == "COP").sort(\.$legalName, .descending).all()
        for customer in customers where accounts.count < 8 {
            let overdue = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
                .owed().filter(\.$dueDate < today.addingClamped(days: -45).iso).sort(\.$dueDate).limit(2).all()
            if overdue.count == 2 { accounts.append((customer, overdue)) }
        }
        guard accounts.count >= 5 else { return summary }
        func day(_ offset: Int) -> ServiceContext { context.asOf(today.addingClamped(days: offset)) }

        // Kept: promised 40 days ago for 25 days ago, paid the day before.
        let kept = accounts[0]
        _ = try await PromiseService.create(
            for: kept.customer,
            PromiseInput(
                promisedOn: today.addingClamped(days: -25).iso, amount: try kept.overdue[0].balance.decimalString,
                note: "Pagará con el recaudo de la quincena", invoiceIds: [try kept.overdue[0].requireID()]),
            in: day(-40))
        _ = try await PaymentService.record(
            PaymentInput(
                customerId: try kept.customer.requireID(), receivedOn: today.addingClamped(days: -26).iso,
                amount: try kept.overdue[0].balance.decimalString, method: "transfer", reference: "PROMESA-CUMPLIDA",
                allocations: [
                    .init(
                        invoiceId: try kept.overdue[0].requireID(), amount: try kept.overdue[0].balance.decimalString)
                ]), in: day(-26))
        summary.promises += 1

        // Broken: promised 30 days ago for 12 days ago, never paid.
        let broken = accounts[1]
        _ = try await PromiseService.create(
            for: broken.customer,
            PromiseInput(
                promisedOn: today.addingClamped(days: -12).iso, amount: try broken.overdue[0].balance.decimalString,
                note: "Dijo que el gerente firma el cheque esta semana", invoiceIds: [try broken.overdue[0].requireID()]
            ),
            in: day(-30))
        summary.promises += 1

        // Disputed and settled with a credit note for part of the invoice; another still under review.
        let settled = accounts[2].overdue[0]
        let dispute = try await DisputeService.open(
            on: settled, DisputeInput(reason: "Llegaron 3 bultos averiados", amount: nil), in: day(-21))
        let credit = Money(minorUnits: settled.balanceMinor / 10 / 100 * 100, currency: try settled.balance.currency)
        _ = try await DisputeService.resolve(
            dispute,
            DisputeResolution(
                resolution: "credit_note", note: "Se reconoce la mercancía averiada", creditNoteNumber: "NC-D0001",
                creditAmount: credit.decimalString), in: day(-10))
        _ = try await DisputeService.open(
            on: accounts[3].overdue[0],
            DisputeInput(reason: "El precio no es el pactado en la cotización", amount: nil),
            in: day(-5))
        summary.disputes += 2

        // A plan agreed five weeks ago: four monthly instalments, the first one paid.
        let plan = accounts[4]
        let made = try await PaymentPlanService.create(
            for: plan.customer,
            .init(
                invoiceIds: try plan.overdue.map { try $0.requireID() }, instalments: 4,
                firstDueOn: today.addingClamped(days: -20).iso, everyDays: nil, downPayment: nil,
                downPaymentDueOn: nil, schedule: nil, note: "Acuerdo con la gerente financiera"), in: day(-35))
        let first = try await PlanInstalment.query(on: context.db).filter(\.$plan.$id == made.requireID())
            .sort(\.$number).first()
        if let first {
            _ = try await PaymentService.record(
                PaymentInput(
                    customerId: try plan.customer.requireID(), receivedOn: today.addingClamped(days: -21).iso,
                    amount: Money(minorUnits: first.amountMinor, currency: try plan.overdue[0].balance.currency)
                        .decimalString,
                    method: "transfer", reference: "CUOTA-1"), in: day(-21))
        }
        summary.plans += 1

        // The bank statement downloaded this morning: three transfers naming their invoice (posted at
        // once), a deposit nobody explained (waiting for review, naming no one) and today's account
        // fee. Its newest day is today, so the statement is fresh and the next run holds a customer only
        // for a reason of their own, not because the bank's news is old.
        if accounts.count == 8 {
            var csv = "date,amount,reference,payer_name\n"
            for (customer, overdue) in accounts[5...] {
                csv += "\(today.addingClamped(days: -3).iso),\(try overdue[0].balance.decimalString),"
                csv += "\(overdue[0].number),\"\(customer.legalName)\"\n"
            }
            csv += "\(today.addingClamped(days: -2).iso),1250000.00,CONSIGNACION EFECTIVO OF 214,\n"
            csv += "\(today.iso),-18900.00,CUOTA DE MANEJO CUENTA CORRIENTE,\n"
            let report = try await Reconciliation.importStatement(
                Data(csv.utf8), format: .csv, fileName: "extracto-banco-semana.csv", in: context)
            summary.statementLines = report.lines
        }

        _ = try await CollectionChecks.run(on: today, in: context)
        return summary
    }
}
