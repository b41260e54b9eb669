import CarteraCore
import Fluent
import Testing
import Vapor

@testable import CarteraApp

@Suite struct DemoTests {
    @Test func demoCompanyFillsEveryAgingBucketAndAgingSumsToTheOpenBalance() async throws {
        try await TestHarness.run { h in
            // given the demo loader on a smaller company
            var context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            context.notifiesCustomers = false
            var loader = DemoLoader(seed: 42, context: context)
            loader.customerCount = 12
            let summary = try await loader.load()
            #expect(summary.customers == 12)
            #expect(summary.invoices >= 12 * 12)
            #expect(summary.payments > 0)

            // when
            let aging = try await h.get("/api/v1/aging")

            // then every currency's buckets add up to the sum of open balances
            let invoices = try await Invoice.query(on: h.app.db).filter(\.$status ~~ [.open, .partiallyPaid]).all()
            #expect(aging.json["currencies"].array.count == 2)
            for section in aging.json["currencies"].array {
                let currency = try Currency(code: try #require(section["currency"].string))
                let open = invoices.filter { $0.currency == currency.code }.reduce(Int64(0)) { $0 + $1.balanceMinor }
                let buckets = try section["buckets"].object.values.map {
                    try Money(decimalString: try #require($0.string), currency: currency)
                }
                #expect(try Money.sum(buckets, currency: currency).minorUnits == open)
                #expect(section["total"].string == Money(minorUnits: open, currency: currency).decimalString)
            }
            let cop = aging.json["currencies"].array.first { $0["currency"].string == "COP" }!
            let filled = cop["buckets"].object.values.filter { $0.string != "0.00" }
            #expect(filled.count == 5, "demo should fill every bucket: \(cop)")
            let statuses = Set(try await Invoice.query(on: h.app.db).all().map(\.status))
            #expect(statuses.isSuperset(of: [.open, .partiallyPaid, .paid]))
        }
    }

    @Test func theDemoBankStatementIsFreshForTheNextRun() async throws {
        try await TestHarness.run { h in
            // given the demo company and its weeks of history (enough customers for the bank statement)
            var context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            context.notifiesCustomers = false
            var loader = DemoLoader(seed: 20_261_125, context: context)
            loader.customerCount = 30
            _ = try await loader.load()
            let history = try await DemoHistory.create(in: context)
            #expect(history.statementLines > 0, "\(history)")

            // then the statement's newest day is today, fresh for tomorrow's run, which holds nobody for it
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            let last = try await DunningSafety.lastStatementDay(organisationID: h.organisationID, on: h.app.db)
            #expect(last == context.today)
            let tomorrow = context.today.addingClamped(days: 1)
            #expect(
                SafetyCheck.freshness(
                    lastImported: last, today: tomorrow, calendar: DunningSettings.calendar(of: organisation),
                    allowedWorkingDays: organisation.statementStaleDays) == .fresh)
            let dry = try await h.get("/api/v1/reminders/dry-run?date=\(tomorrow.iso)")
            #expect(dry.status == .ok && !dry.json["planned"].array.isEmpty, "\(dry.json)")
            #expect(!dry.json["planned"].array.contains { $0["hold"].string == "statement_stale" }, "\(dry.json)")
        }
    }
}
