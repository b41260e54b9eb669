import Foundation
import Testing

@testable import CarteraCore

@Suite struct PaymentDatePredictorTests {
    let due = try! LocalDate(iso: "2026-03-10")

    func settled(_ customer: String, _ delay: Int, disputed: Bool = false) -> SettledInvoice {
        SettledInvoice(
            customer: customer, invoiceDate: due.addingClamped(days: -30), dueDate: due,
            settledOn: due.addingClamped(days: delay), disputed: disputed)
    }

    // Organisation delays: A 2, 4, 9; B −3, 0, 0, 0, 20 (the 20 disputed).
    // Sorted [−3, 0, 0, 0, 2, 4, 9, 20]: median (0 + 2) / 2 = 1, p10 −3 (residual −4), p90 20 (residual 19).
    var predictor: PaymentDatePredictor {
        PaymentDatePredictor(history: [
            settled("A", 2), settled("A", 4), settled("A", 9), settled("B", -3), settled("B", 0),
            settled("B", 0), settled("B", 0), settled("B", 20, disputed: true),
        ])
    }

    @Test func thePatternFromCountsPerDelayIsThePatternFromTheInvoices() throws {
        // The same delays as `predictor`'s history, counted per delay and out of order.
        let counted = try #require(
            PaymentDatePredictor.OrganisationPattern(delayCounts: [
                (delay: 20, count: 1), (delay: 0, count: 3), (delay: -3, count: 1), (delay: 9, count: 1),
                (delay: 2, count: 1), (delay: 4, count: 1), (delay: 7, count: 0),
            ]))
        let invoices = try #require(
            PaymentDatePredictor.OrganisationPattern(history: [
                settled("A", 2), settled("A", 4), settled("A", 9), settled("B", -3), settled("B", 0),
                settled("B", 0), settled("B", 0), settled("B", 20, disputed: true),
            ]))
        #expect(counted == invoices)
        #expect((counted.settledCount, counted.median, counted.lowResidual, counted.highResidual) == (8, 1, -4, 19))
        #expect(PaymentDatePredictor.OrganisationPattern(delayCounts: []) == nil)
        #expect(PaymentDatePredictor.OrganisationPattern(delayCounts: [(delay: 5, count: 0)]) == nil)
    }

    @Test func newCustomerFollowsTheOrganisation() throws {
        let prediction = try #require(predictor.predict(customer: "C", dueDate: due))
        // 1 day late, range 1 − 4 = −3 to 1 + 19 = 20
        #expect(
            prediction
                == PaymentPrediction(
                    date: due.addingClamped(days: 1), earliest: due.addingClamped(days: -3),
                    latest: due.addingClamped(days: 20),
                    expectedDelay: 1, basis: .organisation, customerHistoryCount: 0))
    }

    @Test func customerHistoryIsShrunkTowardTheOrganisation() throws {
        // A: median 4, residuals 2 − 4 = −2 and 9 − 4 = 5, n = 3 → weight 3 / (3 + 5) = 3/8
        // shrunk: median 3/8·4 + 5/8·1 = 2.125, low 3/8·−2 + 5/8·−4 = −3.25, high 3/8·5 + 5/8·19 = 13.75
        // no disputed history: the disputed invoice uses the shrunk figures → +2, range −1.125 → −1, 15.875 → 16
        let disputed = try #require(predictor.predict(customer: "A", dueDate: due, disputed: true))
        #expect(disputed.date == due.addingClamped(days: 2))
        #expect(disputed.earliest == due.addingClamped(days: -1))
        #expect(disputed.latest == due.addingClamped(days: 16))
        #expect(disputed.basis == .blended)
        // undisputed segment (same 3 invoices), weight 3 / (3 + 2) = 0.6 toward the shrunk figures:
        // median 0.6·4 + 0.4·2.125 = 3.25 → 3; low 0.6·−2 + 0.4·−3.25 = −2.5 → 0.75 → 1; high 0.6·5 + 0.4·13.75 = 8.5 → 11.75 → 12
        let undisputed = try #require(predictor.predict(customer: "A", dueDate: due))
        #expect(
            [undisputed.expectedDelay, due.days(until: undisputed.earliest), due.days(until: undisputed.latest)]
                as [Int] == [3, 1, 12])
    }

    @Test func theOrganisationsPatternWithOneCustomersHistoryPredictsAsTheWholeHistory() throws {
        let history = [
            settled("A", 2), settled("A", 4), settled("A", 9), settled("B", -3), settled("B", 0),
            settled("B", 0), settled("B", 0), settled("B", 20, disputed: true),
        ]
        let pattern = try #require(PaymentDatePredictor.OrganisationPattern(history: history))
        #expect(pattern.settledCount == 8)
        let onlyB = PaymentDatePredictor(organisation: pattern, customerHistory: history.filter { $0.customer == "B" })
        for disputed in [false, true] {
            let whole = try #require(predictor.predict(customer: "B", dueDate: due, disputed: disputed))
            #expect(onlyB.predict(customer: "B", dueDate: due, disputed: disputed) == whole)
        }
        // Without the organisation's figures, A alone would have said 4 days late, not 3.
        #expect(
            PaymentDatePredictor(history: history.filter { $0.customer == "A" }).predict(customer: "A", dueDate: due)?
                .expectedDelay == 4)
        #expect(
            PaymentDatePredictor(organisation: pattern, customerHistory: history.filter { $0.customer == "A" })
                .predict(customer: "A", dueDate: due)?.expectedDelay == 3)
        #expect(PaymentDatePredictor.OrganisationPattern(history: []) == nil)
    }

    @Test func disputedInvoicesLearnFromTheCustomersOwnDisputes() throws {
        // B all: median 0, residuals −3 and 20, weight 5/10: median 0.5, low −3.5, high 19.5
        // disputed segment [20]: weight 1/3: median 20/3 + 2/3·0.5 = 7, low 2/3·−3.5 = −2.33 → 4.67 → 5, high 2/3·19.5 = 13 → 20
        let prediction = try #require(predictor.predict(customer: "B", dueDate: due, disputed: true))
        #expect(
            [prediction.expectedDelay, due.days(until: prediction.earliest), due.days(until: prediction.latest)]
                as [Int] == [7, 5, 20])
    }

    @Test func longHistoryIsTheCustomersOwnAndNothingIsPaidBeforeItIsIssued() throws {
        let regular = PaymentDatePredictor(history: (0..<20).map { _ in settled("D", 5) })
        #expect(regular.predict(customer: "D", dueDate: due)?.basis == .customer)
        #expect(regular.predict(customer: "D", dueDate: due)?.date == due.addingClamped(days: 5))
        let early = PaymentDatePredictor(history: [settled("E", -20)])
        let issued = due.addingClamped(days: -5)
        #expect(early.predict(customer: "F", dueDate: due, invoiceDate: issued)?.date == issued)
        #expect(PaymentDatePredictor(history: []).predict(customer: "A", dueDate: due) == nil)
    }

    @Test func evaluationTrainsOnlyOnWhatWasPaidBeforeTheCutoff() throws {
        let day0 = try LocalDate(iso: "2026-01-01")
        func invoice(_ issued: Int, _ dueIn: Int, _ settled: Int) -> SettledInvoice {
            SettledInvoice(
                customer: "X", invoiceDate: day0.addingClamped(days: issued), dueDate: day0.addingClamped(days: dueIn),
                settledOn: day0.addingClamped(days: settled))
        }
        // invoice dates 0, 10, 20, 30, 40: cutoff = rank ⌈0.8 × 5⌉ = 4th = day 30
        let history = [
            invoice(0, 30, 35), invoice(10, 20, 22), invoice(20, 25, 29), invoice(30, 60, 61), invoice(40, 50, 53),
        ]
        let evaluation = try #require(PredictionEvaluation(history: history))
        #expect(evaluation.cutoff == day0.addingClamped(days: 30))
        // the day-0 invoice was paid on day 35, after the cutoff: not learned from (it would move the median to 4)
        #expect(evaluation.trainingCount == 2)
        // trained on delays 2 and 4 → median 3; tested on the day-40 invoice, paid 3 days late
        #expect(evaluation.model == .init(count: 1, totalAbsoluteError: 0, withinWeek: 1))
        #expect(evaluation.dueDateBaseline == .init(count: 1, totalAbsoluteError: 3, withinWeek: 1))
    }

    @Test func modelBeatsTheDueDateOnIBMsAccountsReceivableSample() throws {
        // Tests/CarteraCoreTests/<this file> → repository root (symlinks resolved for scratch packages)
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/ibm-accounts-receivable.csv")
        let records = try IBMReceivablesDataset.parse(text: try String(contentsOf: url, encoding: .utf8))
        #expect(records.count == 2_466)
        let evaluation = try #require(PredictionEvaluation(history: records.map(\.settledInvoice)))
        let model = evaluation.model
        let baseline = evaluation.dueDateBaseline
        print(
            "IBM AR evaluation: cutoff \(evaluation.cutoff), trained on \(evaluation.trainingCount), tested on \(model.count)"
        )
        print("  model    MAE \(model.meanAbsoluteError) days, within ±7 days \(model.withinWeekBasisPoints) bp")
        print("  due date MAE \(baseline.meanAbsoluteError) days, within ±7 days \(baseline.withinWeekBasisPoints) bp")
        #expect(model.count == baseline.count && model.count > 300)
        #expect(model.meanAbsoluteError < baseline.meanAbsoluteError)
        #expect(model.withinWeek > baseline.withinWeek)
    }
}

@Suite struct IBMReceivablesDatasetTests {
    let header = IBMReceivablesDataset.header.joined(separator: ",")

    @Test func parsesUSDatesAmountsAndFlags() throws {
        let text =
            header + "\r\n391,0379-NEVHP,4/6/2013,0000611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0\r\n"
            + "406,8976-AMJEO,3/3/2012,0007900770,1/26/2013,2/25/2013,61.7,Yes,3/3/2013,Electronic,36,6\n"
        let records = try IBMReceivablesDataset.parse(text: text)
        #expect(records.count == 2)
        #expect(records[0].invoiceDate == (try LocalDate(iso: "2013-01-02")))
        #expect(records[0].amount == Money(minorUnits: 5_594, currency: .usd))
        #expect(!records[0].disputed && !records[0].paperless)
        #expect(records[1].amount.minorUnits == 6_170 && records[1].disputed && records[1].paperless)
        #expect(records[1].settledInvoice.delay == 6) // 2/25 → 3/3/2013
    }

    @Test func errorsNameTheRow() {
        let badDate =
            header
            + "\n391,A,4/6/2013,1,1/2/2013,2/1/2013,5,No,1/15/2013,Paper,13,0\n391,A,4/6/2013,2,2/30/2013,3/1/2013,5,No,3/2/2013,Paper,1,0"
        #expect { try IBMReceivablesDataset.parse(text: badDate) } throws: {
            ($0 as? DomainError)?.code == "invalid_date" && ($0 as? DomainError)?.message.hasPrefix("Row 3:") == true
        }
        #expect { try IBMReceivablesDataset.parse(text: header + "\n391,A,1") } throws: {
            ($0 as? DomainError)?.message.hasPrefix("Row 2:") == true
        }
        #expect { try IBMReceivablesDataset.parse(text: "a,b\n") } throws: {
            ($0 as? DomainError)?.code == "invalid_header"
        }
    }
}
