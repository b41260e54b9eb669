/// camt.053 files as banks send them, modelled on the ISO 20022 message definition examples and
/// bank implementation guides. Kept as string literals: the test target declares no resources.
enum Camt053StatementSamples {
    /// camt.053.001.02, two statements. Statement 1 (EUR, IBAN): opening 10 000.00, a credit with two
    /// Ustrd lines, a credit with a structured creditor reference, a batch of two payments, a debit,
    /// and a pending entry that must be skipped; closing 12 430.50. Statement 2 (CLP, Othr/Id, no
    /// Acct/Ccy): amounts padded with ".00", a debit opening balance and an INFO entry to skip.
    static let version02 = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <BkToCstmrStmt>
            <GrpHdr>
              <MsgId>CAIXA-053-20260331-0001</MsgId>
              <CreDtTm>2026-04-01T06:15:02</CreDtTm>
              <MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn>
            </GrpHdr>
            <Stmt>
              <Id>STMT-20260331-ES91</Id>
              <ElctrncSeqNb>90</ElctrncSeqNb>
              <CreDtTm>2026-04-01T06:15:02</CreDtTm>
              <FrToDt><FrDtTm>2026-03-31T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>
              <Acct>
                <Id><IBAN>ES9121000418450200051332</IBAN></Id>
                <Ccy>EUR</Ccy>
                <Ownr><Nm>CARTERA DEMO SL</Nm></Ownr>
                <Svcr><FinInstnId><BIC>CAIXESBBXXX</BIC></FinInstnId></Svcr>
              </Acct>
              <Bal>
                <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="EUR">10000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-31</Dt></Dt>
              </Bal>
              <Bal>
                <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="EUR">12430.50</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-31</Dt></Dt>
              </Bal>
              <Bal>
                <Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp>
                <Amt Ccy="EUR">12430.50</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-31</Dt></Dt>
              </Bal>
              <TxsSummry>
                <TtlNtries><NbOfNtries>5</NbOfNtries></TtlNtries>
                <TtlCdtNtries><NbOfNtries>3</NbOfNtries><Sum>2550.50</Sum></TtlCdtNtries>
                <TtlDbtNtries><NbOfNtries>1</NbOfNtries><Sum>120.00</Sum></TtlDbtNtries>
              </TxsSummry>
              <Ntry>
                <NtryRef>1</NtryRef>
                <Amt Ccy="EUR">1500.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt>
                <ValDt><Dt>2026-03-31</Dt></ValDt>
                <AcctSvcrRef>2026033100001</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <TxDtls>
                    <Refs>
                      <MsgId>MSG-ANDINA-0331</MsgId>
                      <EndToEndId>E2E-INV-0042</EndToEndId>
                    </Refs>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">1500.00</Amt></TxAmt></AmtDtls>
                    <RltdPties>
                      <Dbtr><Nm>Distribuidora Andina S.L.</Nm></Dbtr>
                      <DbtrAcct><Id><IBAN>ES7921000813610123456789</IBAN></Id></DbtrAcct>
                      <Cdtr><Nm>CARTERA DEMO SL</Nm></Cdtr>
                    </RltdPties>
                    <RmtInf>
                      <Ustrd>Pago factura F-2026-0042</Ustrd>
                      <Ustrd>saldo marzo</Ustrd>
                    </RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">250.50</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><DtTm>2026-03-31T09:12:44+02:00</DtTm></BookgDt>
                <ValDt><Dt>2026-03-31</Dt></ValDt>
                <AcctSvcrRef>2026033100002</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <TxDtls>
                    <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                    <RltdPties>
                      <Dbtr><Nm>Ferreteria El Tornillo</Nm></Dbtr>
                      <DbtrAcct><Id><Othr><Id>0049-1500-05-1234567890</Id></Othr></Id></DbtrAcct>
                    </RltdPties>
                    <RmtInf>
                      <Strd>
                        <CdtrRefInf>
                          <Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>
                          <Ref>RF18539007547034</Ref>
                        </CdtrRefInf>
                      </Strd>
                    </RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">800.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt>
                <ValDt><Dt>2026-04-01</Dt></ValDt>
                <AcctSvcrRef>2026033100003</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <Btch><NbOfTxs>2</NbOfTxs><TtlAmt Ccy="EUR">800.00</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>
                  <TxDtls>
                    <Refs><EndToEndId>E2E-A-7781</EndToEndId></Refs>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">300.00</Amt></TxAmt></AmtDtls>
                    <RltdPties><Dbtr><Nm>Comercial Los Andes</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>F-2026-0051</Ustrd></RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <Refs><AcctSvcrRef>2026033100003-B</AcctSvcrRef><EndToEndId>E2E-B-1193</EndToEndId></Refs>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">500.00</Amt></TxAmt></AmtDtls>
                    <RltdPties><Dbtr><Nm>Papeleria Central</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>F-2026-0055</Ustrd></RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">120.00</Amt>
                <CdtDbtInd>DBIT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt>
                <ValDt><Dt>2026-03-31</Dt></ValDt>
                <AcctSvcrRef>2026033100004</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <TxDtls>
                    <Refs><EndToEndId>PAY-2026-0311</EndToEndId></Refs>
                    <RltdPties>
                      <Dbtr><Nm>CARTERA DEMO SL</Nm></Dbtr>
                      <DbtrAcct><Id><IBAN>ES9121000418450200051332</IBAN></Id></DbtrAcct>
                      <Cdtr><Nm>Transportes Rapidos SA</Nm></Cdtr>
                      <CdtrAcct><Id><IBAN>ES6000491500051234567892</IBAN></Id></CdtrAcct>
                    </RltdPties>
                    <RmtInf><Ustrd>Flete marzo</Ustrd></RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">999.99</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>PDNG</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt>
                <ValDt><Dt>2026-04-02</Dt></ValDt>
                <AcctSvcrRef>2026033100005</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
              </Ntry>
            </Stmt>
            <Stmt>
              <Id>BCH-20260331-7</Id>
              <CreDtTm>2026-04-01T06:15:02</CreDtTm>
              <Acct>
                <Id><Othr><Id>001-12345-67</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>
              </Acct>
              <Bal>
                <Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="CLP">5000.00</Amt>
                <CdtDbtInd>DBIT</CdtDbtInd>
                <Dt><Dt>2026-03-30</Dt></Dt>
              </Bal>
              <Bal>
                <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="CLP">145000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-31</Dt></Dt>
              </Bal>
              <Ntry>
                <Amt Ccy="CLP">150000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt>
                <AddtlNtryInf>TRANSF DE INVERSIONES PATAGONIA SPA FACT 3391</AddtlNtryInf>
              </Ntry>
              <Ntry>
                <Amt Ccy="CLP">70000</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>INFO</Sts>
                <BookgDt><Dt>2026-04-01</Dt></BookgDt>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """#

    /// camt.053.001.08 with a namespace prefix, `Sts/Cd`, `Pty` around party names, `TxDtls/Amt`
    /// in a batch, and a pending entry.
    static let version08 = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <camt:Document xmlns:camt="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <camt:BkToCstmrStmt>
            <camt:GrpHdr><camt:MsgId>BCOL-20260331</camt:MsgId><camt:CreDtTm>2026-04-01T05:00:00-05:00</camt:CreDtTm></camt:GrpHdr>
            <camt:Stmt>
              <camt:Id>BCOL-CTE-20260331</camt:Id>
              <camt:Acct>
                <camt:Id><camt:Othr><camt:Id>69812345678</camt:Id></camt:Othr></camt:Id>
                <camt:Ccy>COP</camt:Ccy>
              </camt:Acct>
              <camt:Bal>
                <camt:Tp><camt:CdOrPrtry><camt:Cd>OPBD</camt:Cd></camt:CdOrPrtry></camt:Tp>
                <camt:Amt Ccy="COP">1000000.00</camt:Amt>
                <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                <camt:Dt><camt:Dt>2026-03-31</camt:Dt></camt:Dt>
              </camt:Bal>
              <camt:Bal>
                <camt:Tp><camt:CdOrPrtry><camt:Cd>CLBD</camt:Cd></camt:CdOrPrtry></camt:Tp>
                <camt:Amt Ccy="COP">4250000.50</camt:Amt>
                <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                <camt:Dt><camt:Dt>2026-03-31</camt:Dt></camt:Dt>
              </camt:Bal>
              <camt:Ntry>
                <camt:Amt Ccy="COP">2500000.50</camt:Amt>
                <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                <camt:Sts><camt:Cd>BOOK</camt:Cd></camt:Sts>
                <camt:BookgDt><camt:DtTm>2026-03-31T14:02:11-05:00</camt:DtTm></camt:BookgDt>
                <camt:ValDt><camt:Dt>2026-03-31</camt:Dt></camt:ValDt>
                <camt:AcctSvcrRef>BCOL8842001</camt:AcctSvcrRef>
                <camt:NtryDtls>
                  <camt:TxDtls>
                    <camt:Refs><camt:EndToEndId>PSE-77120391</camt:EndToEndId></camt:Refs>
                    <camt:RltdPties>
                      <camt:Dbtr><camt:Pty><camt:Nm>Inversiones El Dorado S.A.S.</camt:Nm></camt:Pty></camt:Dbtr>
                      <camt:DbtrAcct><camt:Id><camt:Othr><camt:Id>23100456789</camt:Id></camt:Othr></camt:Id></camt:DbtrAcct>
                    </camt:RltdPties>
                    <camt:RmtInf><camt:Ustrd>FV-2026-118</camt:Ustrd></camt:RmtInf>
                  </camt:TxDtls>
                </camt:NtryDtls>
              </camt:Ntry>
              <camt:Ntry>
                <camt:Amt Ccy="COP">750000.00</camt:Amt>
                <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                <camt:Sts><camt:Cd>BOOK</camt:Cd></camt:Sts>
                <camt:BookgDt><camt:Dt>2026-03-31</camt:Dt></camt:BookgDt>
                <camt:AcctSvcrRef>BCOL8842002</camt:AcctSvcrRef>
                <camt:NtryDtls>
                  <camt:TxDtls>
                    <camt:Amt Ccy="COP">450000.00</camt:Amt>
                    <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                    <camt:RltdPties><camt:Dbtr><camt:Pty><camt:Nm>Tienda La 14</camt:Nm></camt:Pty></camt:Dbtr></camt:RltdPties>
                    <camt:RmtInf><camt:Strd><camt:CdtrRefInf><camt:Ref>FV-2026-120</camt:Ref></camt:CdtrRefInf></camt:Strd></camt:RmtInf>
                  </camt:TxDtls>
                  <camt:TxDtls>
                    <camt:Amt Ccy="COP">300000.00</camt:Amt>
                    <camt:RltdPties><camt:Dbtr><camt:Pty><camt:Nm>Drogueria Alemana</camt:Nm></camt:Pty></camt:Dbtr></camt:RltdPties>
                    <camt:RmtInf><camt:Ustrd>FV-2026-121</camt:Ustrd></camt:RmtInf>
                  </camt:TxDtls>
                </camt:NtryDtls>
              </camt:Ntry>
              <camt:Ntry>
                <camt:Amt Ccy="COP">320000.00</camt:Amt>
                <camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
                <camt:Sts><camt:Cd>PDNG</camt:Cd></camt:Sts>
                <camt:BookgDt><camt:Dt>2026-03-31</camt:Dt></camt:BookgDt>
              </camt:Ntry>
            </camt:Stmt>
          </camt:BkToCstmrStmt>
        </camt:Document>
        """#
}
