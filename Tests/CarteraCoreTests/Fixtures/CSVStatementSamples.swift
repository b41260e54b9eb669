/// Bank CSV exports, kept as string literals (the test target has no resources).
enum CSVStatementSamples {
    /// Cartera's generic layout, written by a spreadsheet: a UTF-8 byte order mark, a reference
    /// with a comma, one with doubled quotes and a line break, and a blank line. Line numbers
    /// matter to the tests: rows start on lines 2, 3, 5 (spanning 5–6) and 7.
    static let generic =
        "\u{FEFF}" + #"""
            date,amount,reference,payer_name
            2026-03-02,1250000.00,"Factura FV-2026-118, abono",Inversiones El Dorado S.A.S.
            2026-03-03,-45000.5,Comision bancaria,

            2026-03-05,300000,"Pago ""urgente"" FV-2026-121
            segunda linea",Drogueria Alemana
            2026-03-05,300000,FV-2026-122,Drogueria Alemana
            """#

    /// A Spanish-language bank export: upper-case header, ";" delimiter, dd/mm/yyyy and dd-mm-yyyy
    /// dates, "1.234.567,89" amounts, a quoted concept containing ";", CRLF line ends.
    static let spanishBank =
        [
            "FECHA;IMPORTE;CONCEPTO;ORDENANTE",
            #"31/03/2026;1.234.567,89;"PAGO FV-2026-130; CUOTA 1/2";Almacenes Exito S.A."#,
            "31-03-2026;-12.500,00;GMF 4X1000;",
            "01/04/2026;2.500.000;ABONO FV-2026-131;Cooperativa Lechera",
        ].joined(separator: "\r\n") + "\r\n"

    /// No header, credit and debit in separate columns: date;concept;debit;credit;bank reference.
    static let splitColumns = """
        15/03/2026;ABONO FV-2026-140;;250.000,00;8812001
        16/03/2026;PAGO PROVEEDOR;80.000,00;;8812002
        """
}
