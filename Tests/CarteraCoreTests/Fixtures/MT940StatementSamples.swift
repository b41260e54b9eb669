/// MT940 exports as banks produce them, kept as string literals (the test target has no resources).
enum MT940StatementSamples {
    /// Two messages in SWIFT block wrappers, as a German bank exports them (line numbers matter to
    /// the tests): a Dec→Jan entry-date wrap (line 6), a free-text :86: over two lines, a GVC-
    /// structured :86: over three lines (lines 10–12), an RC reversal (line 13), a debit, a line with
    /// only supplementary details, and a 65-character :86: line cut mid-word (line 28).
    static let wrapped = #"""
        {1:F01COLSDE33AXXX0000000000}{2:O9400615260105COLSDE33AXXX00000000002601050615N}{4:
        :20:STARTUMSE
        :25:37040044/0532013000
        :28C:00001/001
        :60F:C251231EUR10000,00
        :61:2512310102C1500,00NTRFE2E-INV-0042//B5L0102A001
        :86:Pago factura F-2026-0042 Distribuidora Andina
        S.A.S. NIT 900123456
        :61:2601020102C250,50NTRFNONREF//B5L0102A002
        :86:166?00GUTSCHR. UEBERWEISUNG?109075?20EREF+E2E-F-2026-0051?21SVWZ+R
        ECHNUNG F-2026-0051 V?22OM 15.12.2025?30COLSDE33XXX?31DE89370400440532013000
        ?32MUSTERMANN HANDELSGESELLSC?33HAFT MBH?34000
        :61:2601020102RC75,00NMSCNONREF//B5L0102A003
        :86:RUECKBUCHUNG GUTSCHRIFT VOM 30.12.2025
        :61:260102D120,00NCHGNONREF//B5L0102A004
        :86:Comisiones bancarias diciembre
        :61:260102C300,00NTRFINV-0077//B5L0102A005
        /OCMT/EUR300,00/
        :62F:C260102EUR11855,50
        :64:C260102EUR11855,50
        -}{5:{CHK:3A9F07D21C44}}
        {1:F01COLSDE33AXXX0000000000}{2:O9400615260106COLSDE33AXXX00000000002601060615N}{4:
        :20:STARTUMSE
        :25:37040044/0532013000
        :28C:00002/001
        :60F:C260102EUR11855,50
        :61:260105C1000,00NTRFNONREF//B5L0105A001
        :86:TRANSFERENCIA RECIBIDA DE COMERCIALIZADORA DEL PACIFICO LTDA FACT
        URA F-2026-0060
        :62F:C260105EUR12855,50
        -}
        """#

    /// The bare form some online banking exports use: no blocks, messages ended by "-", a funds code
    /// ("R") between mark and amount, an IBAN as the account, and a :86: after :62F: about the whole statement.
    static let bare = #"""
        :20:940S260331
        :25:ES9121000418450200051332
        :28C:88
        :60F:D260330EUR250,00
        :61:260331DR300,00NTRF20260331-77//0331XZ9
        :86:PAGO NOMINA MARZO
        :62F:D260331EUR550,00
        :86:SALDO DEUDOR
        -
        """#
}
