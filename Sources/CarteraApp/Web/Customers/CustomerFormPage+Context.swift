import CarteraCore
import Foundation

/// The customer form, formatted: every value as it goes back into its field (what was typed when
/// the form was refused, else the customer's, else the organisation's defaults) and every choice in words.
struct CustomerFormContext: Encodable {
    struct Values: Encodable {
        var legalName = "", taxId = "", creditLimit = "", tags = "", addressLine = "", city = "", region = ""
        var postalCode = "", country = "", notes = ""
        var doNotContact = false
    }
    struct Check: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }
    struct Links: Encodable {
        let action: String
        let cancel: String
    }

    let isNew: Bool
    let heading: String
    let values: Values
    let taxKinds: [FormOption]
    let terms: [FormOption]
    let currencies: [FormOption]
    let languages: [FormOption]
    let collectors: [FormOption]
    let reminders: [Check]
    /// Whose contact rules apply and the customer's clock; the first choice is the organisation's.
    let jurisdictions: [FormOption]
    let timeZones: [FormOption]
    let amountExample: String
    let links: Links

    init(data: CustomerFormData, format: PageFormat) {
        let customer = data.customer
        let typed = data.typed?.values
        let organisation = data.organisation
        isNew = customer == nil
        heading =
            customer.map { format.text("customer_form.edit_heading", ["name": $0.legalName]) }
            ?? format.text("customer_form.new_heading")
        let id = customer?.id
        links = Links(
            action: id.map { AppURL.customer($0) } ?? AppURL.customers,
            cancel: id.map { AppURL.customer($0) } ?? AppURL.customers)
        amountExample = format.amountExample

        func value(_ field: String, _ stored: String?) -> String { typed?[field] ?? stored ?? "" }
        var values = Values()
        values.legalName = value("legal_name", customer?.legalName)
        values.taxId = value("tax_id", customer?.taxID.map(TaxID.formatted))
        values.creditLimit = value(
            "credit_limit",
            customer.flatMap { customer in
                customer.creditLimitMinor.flatMap { minor in
                    (try? Currency(code: customer.currency)).map {
                        Self.typedAmount(Money(minorUnits: minor, currency: $0), format: format)
                    }
                }
            })
        values.tags = value("tags", customer?.tags.joined(separator: ", "))
        values.addressLine = value("address_line", customer?.addressLine)
        values.city = value("city", customer?.city)
        values.region = value("region", customer?.region)
        values.postalCode = value("postal_code", customer?.postalCode)
        values.country = value("country", customer?.country)
        values.notes = value("notes", customer?.notes)
        values.doNotContact = data.typed.map { $0.values["do_not_contact"] != nil } ?? customer?.doNotContact ?? false
        self.values = values

        let usual = TaxID.Kind.usual(for: organisation.supportedLocale)
        let kind =
            typed?["tax_id_kind"] ?? customer?.taxID.map { Self.kind(of: $0, usual: usual).rawValue } ?? usual.rawValue
        taxKinds = TaxID.Kind.allCases.map {
            FormOption(value: $0.rawValue, label: format.text("tax_kind.\($0.rawValue)"), selected: $0.rawValue == kind)
        }
        terms = TermsText.options(current: typed?["payment_terms"] ?? customer?.paymentTerms ?? "net30", format: format)
        let currency = typed?["currency"] ?? customer?.currency ?? organisation.defaultCurrency
        var codes = ["COP", "USD", "EUR", "CLP", "MXN"]
        for code in [organisation.defaultCurrency, currency] where !codes.contains(code) { codes.insert(code, at: 0) }
        currencies = codes.map {
            let name = format.text("currency.\($0)")
            return FormOption(
                value: $0, label: name == "currency.\($0)" ? $0 : "\(name) (\($0))", selected: $0 == currency)
        }
        let language = typed?["language"] ?? customer?.language ?? organisation.language
        languages = SupportedLocale.Language.allCases.map {
            let name = format.text("language.\($0.rawValue)")
            return FormOption(
                value: $0.rawValue, label: name.prefix(1).uppercased() + name.dropFirst(),
                selected: $0.rawValue == language)
        }
        let collector = typed?["user_id"] ?? customer?.assignedUserID?.uuidString ?? ""
        collectors =
            [FormOption(value: "", label: format.text("customer_form.nobody"), selected: collector.isEmpty)]
            + data.collectors.compactMap { user in
                user.id.map { FormOption(value: $0.uuidString, label: user.name, selected: $0.uuidString == collector) }
            }
        let off =
            data.typed.map { $0.lists["reminders_off"] ?? [] } ?? customer.map {
                StoredList<String>.decode($0.reminderKindsOff)
            } ?? []
        reminders = ReminderKind.allCases.map {
            Check(
                value: $0.rawValue, label: format.text("message.origin.\($0.rawValue)"),
                checked: off.contains($0.rawValue))
        }
        let home = Jurisdiction(locale: organisation.supportedLocale)
        let jurisdiction = typed?["jurisdiction"] ?? customer?.jurisdiction ?? ""
        jurisdictions =
            [
                FormOption(
                    value: "",
                    label: format.text(
                        "customer_form.jurisdiction_default", ["name": format.text("jurisdiction.\(home.rawValue)")]),
                    selected: jurisdiction.isEmpty)
            ]
            + Jurisdiction.allCases.map {
                FormOption(
                    value: $0.rawValue, label: format.text("jurisdiction.\($0.rawValue)"),
                    selected: $0.rawValue == jurisdiction)
            }
        let zone = typed?["time_zone"] ?? customer?.timeZone ?? ""
        var zones = Self.timeZones
        if !zone.isEmpty, !zones.contains(zone) { zones.append(zone) }
        func zoneName(_ id: String) -> String {
            let name = format.text("time_zone.\(id)")
            return name == "time_zone.\(id)" ? id : name
        }
        timeZones =
            [
                FormOption(
                    value: "",
                    label: format.text("customer_form.time_zone_default", ["name": zoneName(organisation.timeZone)]),
                    selected: zone.isEmpty)
            ] + zones.map { FormOption(value: $0, label: zoneName($0), selected: $0 == zone) }
    }

    /// The zones offered for a customer elsewhere: each has its name in words (`ui.time_zone.<id>`).
    static let timeZones = [
        "America/Bogota", "America/Santiago", "America/Punta_Arenas", "America/Mexico_City", "America/Cancun",
        "America/Tijuana", "Europe/Madrid", "Atlantic/Canary", "America/New_York", "America/Los_Angeles",
    ]

    /// The kind a stored id reads as: the organisation's usual one first.
    static func kind(of stored: String, usual: TaxID.Kind) -> TaxID.Kind {
        let kinds = [usual] + TaxID.Kind.allCases.filter { $0 != usual && $0 != .other }
        return kinds.first { (try? TaxID(stored, kind: $0).canonical) == stored } ?? .other
    }

    /// "15000000.00" → "15.000.000,00": an amount as it is typed here, without the currency's sign.
    static func typedAmount(_ money: Money, format: PageFormat) -> String {
        let locale = format.composer.moneyLocale
        let parts = money.decimalString.split(separator: ".")
        let grouped = groupedInThousands(parts[0], separator: locale.groupingMark)
        return parts.count > 1 ? "\(grouped)\(locale.decimalMark)\(parts[1])" : grouped
    }
}
