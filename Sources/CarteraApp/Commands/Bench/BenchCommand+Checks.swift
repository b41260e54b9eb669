import CarteraCore
import Fluent
import Foundation

/// The bench's equality checks: each baseline's answer against the app's on the same database, so a
/// fast baseline that answers another question shows. A mismatch (or an error) is a warning line,
/// never a failed run.
extension BenchCommand {
    struct Checks {
        let service: ServiceContext
        let settings: DunningSettings
        var db: any Database { service.db }
        var organisationID: UUID { service.organisationID }
        var today: LocalDate { service.today }

        /// The day dunning is evaluated for: today, or the next working day when today is not one (a
        /// weekend run would otherwise time a pass that sends nothing).
        var dunningDay: LocalDate {
            var day = today
            for _ in 0..<31 where !settings.calendar.isWorkingDay(day) { day = day.addingClamped(days: 1) }
            return day
        }

        /// What a check compared, and how the answers differ (nil: they agree).
        struct Outcome {
            let compared: String
            var problem: String? = nil
        }

        /// One line saying what was compared, then a warning per check whose answers differ.
        func lines() async -> [String] {
            let checks: [(String, () async throws -> Outcome)] = [
                ("dunning", dunning), ("account summaries", summaries), ("worklist", worklist),
                ("dashboard", dashboard), ("forecast", forecast),
                ("aging by customer", agingByCustomer), ("customer list", customerList),
                ("statements", statements),
            ]
            var compared: [String] = []
            var warnings: [String] = []
            for (name, check) in checks {
                do {
                    let outcome = try await check()
                    compared.append("\(name) \(outcome.compared)")
                    if let problem = outcome.problem {
                        warnings.append("warning: \(name) baseline differs: \(problem)")
                    }
                } catch {
                    warnings.append("warning: \(name) check failed: \(String(describing: error))")
                }
            }
            return ["Baselines checked against the app: " + compared.joined(separator: "; ")] + warnings
        }

        /// The (invoice, step) pairs due today, before batching and the safety check.
        func dunning() async throws -> Outcome {
            let app = Set(
                try await DunningRun.dueReminders(on: dunningDay, settings: settings, in: service.asOf(dunningDay)).map
                {
                    SQLBaselines.DueStep(invoiceID: $0.invoiceID, stepKey: $0.step.key)
                })
            let sql = Set(try await SQLBaselines.dunning(in: self))
            let compared = "\(app.count) (invoice, step) pairs"
            guard app != sql else { return Outcome(compared: compared) }
            return Outcome(
                compared: compared,
                problem:
                    "SQL \(sql.count); \(app.subtracting(sql).count) only in the app, \(sql.subtracting(app).count) only in SQL"
            )
        }

        /// The stored summaries' owed and overdue balance per currency of the statements' customers
        /// against what the baseline's pass stored for them.
        func summaries() async throws -> Outcome {
            let ids = try await statementCustomers().map { try $0.requireID() }
            try await CustomerSummaries.current(in: service)
            var app: [String: [Int64]] = [:]
            for (id, summary) in try await CustomerSummaries.stored(
                organisationID: organisationID, customerIDs: ids, on: db)
            {
                for balance in summary.balances {
                    app[id.uuidString + " " + balance.currency] = [balance.owed, balance.overdue]
                }
            }
            let sql = try await SQLBaselines.summaries(
                organisationID: organisationID, today: today, reading: ids, on: db
            ).balances
            let differing = Set(app.keys).union(sql.keys).filter { app[$0] != sql[$0] }.count
            return Outcome(
                compared: "\(app.count) balances of \(ids.count) customers",
                problem: differing == 0 ? nil : "\(differing) of \(app.count) (customer, currency) balances")
        }

        /// Each account of the app's first page: its score is the SQL's money-days × risk weight × (1 +
        /// broken promises). The order is not compared (the SQL has no risk weight).
        func worklist() async throws -> Outcome {
            let items = try await WorklistQuery(context: service).items(scope: .everyone, limit: BenchCommand.pageSize)
            let rows = try await SQLBaselines.worklist(
                organisationID: organisationID, today: today, currency: try baseCurrency, limit: nil, on: db)
            let byCustomer = Dictionary(uniqueKeysWithValues: rows.map { ($0.customerID, $0) })
            var differing = 0
            for item in items {
                let row = byCustomer[try item.customer.requireID()]
                let expected = (row?.moneyDays ?? 0) * item.risk.level.worklistWeight * (1 + (row?.brokenPromises ?? 0))
                if expected != item.score { differing += 1 }
            }
            return Outcome(
                compared: "\(items.count) scores",
                problem: differing == 0 ? nil : "\(differing) of \(items.count) scores")
        }

        func dashboard() async throws -> Outcome {
            let figures = try await DashboardQuery(context: service).currencies()
            var app: [String: Int64] = [:]
            for entry in figures {
                let code = entry.aging.currency.code
                app["owed \(code)"] = entry.aging.total.minorUnits
                app["invoices \(code)"] = Int64(entry.invoiceCount)
                app["collected \(code)"] = entry.collectedThisMonth.minorUnits
                app["dso \(code)"] = entry.dso.map(Int64.init) ?? -1
            }
            var sql: [String: Int64] = [:]
            let rows = try await SQLBaselines.dashboard(organisationID: organisationID, today: today, on: db)
            for row in rows where row.key != "sold" { sql["\(row.key) \(row.currency)"] = row.amount }
            // DSO as the dashboard defines it: owed × 90 ÷ the last 90 days' credit sales.
            for row in rows where row.key == "owed" {
                let sold = rows.first { $0.key == "sold" && $0.currency == row.currency }?.amount ?? 0
                let (scaled, overflow) = row.amount.multipliedReportingOverflow(by: Int64(DashboardQuery.dsoWindowDays))
                sql["dso \(row.currency)"] = sold > 0 && !overflow ? scaled / sold : -1
            }
            // The app lists collections only for currencies with something owed.
            sql = sql.filter { $0.value != 0 || app[$0.key] != nil }
            app = app.filter { $0.value != 0 || sql[$0.key] != nil }
            return Outcome(
                compared: "\(app.count) figures",
                problem: app == sql
                    ? nil : "app \(app.sorted { $0.key < $1.key }), SQL \(sql.sorted { $0.key < $1.key })")
        }

        /// The totals per currency (the SQL expects each invoice on its due date, the app on its
        /// predicted day: the weeks differ, the sums do not).
        func forecast() async throws -> Outcome {
            let result = try await CollectionsForecast.build(in: service)
            var app: [String: Int64] = [:]
            for currency in result.currencies { app[currency.code] = try result.total(in: currency).minorUnits }
            var sql: [String: Int64] = [:]
            for row in try await SQLBaselines.forecast(organisationID: organisationID, today: today, on: db) {
                sql[row.currency, default: 0] += row.amount
            }
            return Outcome(
                compared: "\(app.count) totals", problem: app == sql ? nil : "totals app \(app), SQL \(sql)")
        }

        func agingByCustomer() async throws -> Outcome {
            let page = try await AgingBreakdown.page(
                .customer, asOf: today, page: try PageRequest(page: 1, perPage: BenchCommand.reportPageSize),
                in: service)
            var app: [String: Int64] = [:]
            for row in page.rows {
                for (bucket, amount) in row.report.buckets where amount.minorUnits != 0 {
                    app["\(row.id?.uuidString ?? "") \(bucket.rawValue) \(row.report.currency.code)"] =
                        amount.minorUnits
                }
            }
            var sql: [String: Int64] = [:]
            for row in try await SQLBaselines.agingByCustomer(
                organisationID: organisationID, today: today, limit: BenchCommand.reportPageSize, on: db)
            {
                sql["\(row.customerID?.uuidString ?? "") \(row.key) \(row.currency)"] = row.amount
            }
            let differing = Set(app.keys).union(sql.keys).filter { app[$0] != sql[$0] }.count
            return Outcome(
                compared: "\(app.count) amounts",
                problem: differing == 0 ? nil : "\(differing) of \(app.count) (customer, bucket, currency) amounts")
        }

        func customerList() async throws -> Outcome {
            let page = try await CustomerListing(context: service).read(.init(sort: "balance", dir: "desc"))
            let app = try page.customers.map { try $0.requireID() }
            let sql = try await SQLBaselines.customerList(
                organisationID: organisationID, limit: CustomerListing.perPage, on: db)
            return Outcome(
                compared: "\(app.count) places",
                problem: app == sql ? nil : "\(zip(app, sql).filter { $0 != $1 }.count) of \(app.count) places differ")
        }

        /// The customers whose statements the bench times.
        func statementCustomers() async throws -> [Customer] {
            try await Customer.query(on: db).filter(\.$organisationID == organisationID).limit(200).all()
        }

        /// Each timed customer's open items (ids and balances, in order) from the app's statement and
        /// the baseline's.
        func statements() async throws -> Outcome {
            var items = 0
            var differing = 0
            let customers = try await statementCustomers()
            for customer in customers {
                let statement = try await StatementService.statement(for: customer, asOf: today, in: service)
                let app = statement.sections.flatMap(\.openItems).map {
                    SQLBaselines.StatementLine(invoiceID: $0.id, balanceMinor: $0.balance.minorUnits)
                }
                let sql = try await SQLBaselines.statement(
                    customerID: try customer.requireID(), organisationID: organisationID, today: today, on: db)
                items += app.count
                // The app groups by currency; the baseline lists by due date across currencies.
                if Set(app) != Set(sql) || app.count != sql.count { differing += 1 }
            }
            return Outcome(
                compared: "\(items) open items of \(customers.count) customers",
                problem: differing == 0 ? nil : "\(differing) of \(customers.count) customers' open items")
        }

        var baseCurrency: Currency {
            get throws { try Currency(code: service.organisation.defaultCurrency) }
        }
    }
}

extension SQLBaselines {
    /// The dunning baseline with the organisation's default rules, as the bench runs it.
    static func dunning(in checks: BenchCommand.Checks) async throws -> [DueStep] {
        let day = checks.dunningDay
        return try await dunning(
            organisationID: checks.organisationID, today: day, rules: checks.settings.rules(for: nil),
            collectionsStart: checks.settings.collectionsStart ?? day, on: checks.db)
    }
}
