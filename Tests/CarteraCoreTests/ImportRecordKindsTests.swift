import Testing

@testable import CarteraCore

/// Customers, contacts and payments: the kinds besides invoices.
@Suite struct ImportRecordKindsTests {
    @Test func customersWithCodesTermsAndLimits() {
        let text =
            "Código cliente,Nombre,NIT,Email,Moneda,Cupo,Plazo\n"
            + "C-1,Acme,900.1,a@acme.co,USD,\"1,500.50\",Net 45\n"
            + "C-2,Beta,,no-es-correo,,,noventa\n"
            + "C-1,Gamma,,,,-5,\n"
            + "C-3,,,,,,2/10 net30\n"
        let result = ImportSamples.read(text, .customers)
        #expect(result.customers.map(\.code) == ["C-1"])
        #expect(result.customers.first?.currency == .usd)
        #expect(result.customers.first?.creditLimit == Money(minorUnits: 150_050, currency: .usd))
        #expect(result.customers.first?.paymentTerms == .net45)
        #expect(result.errors.map(\.line) == [3, 3, 4, 4, 5])
        #expect(
            result.errors.map(\.code) == [
                .badPaymentTerms("noventa"), .badEmail("no-es-correo"), .negativeAmount,
                .duplicateCustomerCode(firstLine: 2), .missingValue,
            ])
        #expect(result.errors.map(\.column) == ["Plazo", "Email", "Cupo", "Código cliente", "Nombre"])
        #expect(ImportedCustomer.terms("30 días") == .net30)
        #expect(ImportedCustomer.terms("Neto 60") == .net60)
        #expect(ImportedCustomer.terms("Due on receipt") == .net0)
        #expect(ImportedCustomer.terms("2/10 net30")?.discount?.days == 10)
        #expect(ImportedCustomer.terms("400") == nil)
    }

    @Test func contactsClaimTheirNameBeforeTheCustomer() {
        let text =
            "Cliente;Nombre;Correo;Teléfono;Cargo\nAcme;Ana Pérez;ana@acme.co;300 1234567;Facturación\nAcme;;;311;\n;Luis;luis@x.co;;\n"
        let result = ImportSamples.read(text, .contacts)
        #expect(result.summary.columns.map(\.field) == [.customerName, .contactName, .email, .phone, .role])
        #expect(
            result.contacts == [
                ImportedContact(
                    line: 2, customerCode: nil, customerName: "Acme", name: "Ana Pérez", email: "ana@acme.co",
                    phone: "300 1234567", role: "Facturación")
            ])
        #expect(
            result.errors == [
                ImportRowError(line: 3, column: "Nombre", field: .contactName, code: .missingValue),
                ImportRowError(line: 4, column: "Cliente", field: .customerName, code: .missingValue),
            ])
    }

    @Test func paymentHistory() throws {
        let text =
            "Cliente,Factura,Fecha de pago,Valor pagado,Referencia\n"
            + "Acme,FV-1,15/03/2026,\"1.234.567,89\",TRF 991\n"
            + "Acme,,16/03/2026,\"500,00\",\n"
            + "Acme,FV-1,17/03/2026,0,\n"
            + "Acme,FV-2,,\"-5,00\",\n"
        let result = ImportSamples.read(text, .payments)
        #expect(result.payments.count == 2)
        let first = try #require(result.payments.first)
        #expect(first.paidDate == (try ImportSamples.date("2026-03-15")))
        #expect(first.amount == Money(minorUnits: 123_456_789, currency: .cop))
        #expect(first.reference == "TRF 991" && first.invoiceNumber == "FV-1")
        #expect(result.payments[1].invoiceNumber == nil) // on account; payments may repeat an invoice number
        #expect(result.errors.map(\.code) == [.zeroAmount, .missingValue, .negativeAmount])
        #expect(result.errors.map(\.field) == [.amount, .paidDate, .amount])
    }
}
