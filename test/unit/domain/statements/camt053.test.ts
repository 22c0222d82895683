import { parseCamt053 } from '../../../../domain/statements/camt053';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { expectation, fixtureBytes } from './fixture-files';

function statement(entries: string, options: { account?: string; balances?: string; ccy?: string } = {}): string {
  return `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
<Id>S1</Id>
<Acct><Id>${options.account ?? '<IBAN>CZ8620100000002900123456</IBAN>'}</Id>${options.ccy === undefined ? '<Ccy>CZK</Ccy>' : options.ccy}</Acct>
${options.balances ?? ''}
${entries}
</Stmt></BkToCstmrStmt></Document>`;
}

function entry(body: string, amount = '100.00', indicator = 'CRDT', ccy = 'CZK'): string {
  return `<Ntry><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-02-02</Dt></BookgDt>${body}</Ntry>`;
}

function rejection(xml: string | Buffer): StatementFormatError {
  try {
    parseCamt053(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFormatError);
    return error as StatementFormatError;
  }
  throw new Error('expected the statement to be rejected');
}

describe('parseCamt053 fixture camt053-cz-2026-02', () => {
  const expected = expectation('camt053-cz-2026-02');
  const parsed = parseCamt053(fixtureBytes(expected.file));

  it('reads the header with account, period and balances', () => {
    expect(parsed.header).toEqual(expected.header);
  });

  it.each(expected.lines!.map((line) => [line.lineNo, line] as const))('reads line %i exactly', (lineNo, line) => {
    expect(parsed.lines.find((l) => l.lineNo === lineNo)).toEqual(line);
  });

  it('returns exactly the expected lines, in file order', () => {
    expect(parsed.lines).toEqual(expected.lines);
  });

  it('gives the same result for the text as for the bytes', () => {
    expect(parseCamt053(fixtureBytes(expected.file).toString('utf8'))).toEqual(parsed);
  });

  it('rejects every truncated copy of the file', () => {
    const text = fixtureBytes(expected.file).toString('utf8');
    for (let cut = 0; cut < text.trimEnd().length; cut += 97) {
      expect(() => parseCamt053(text.slice(0, cut))).toThrow(StatementFormatError);
    }
  });
});

describe('parseCamt053 rejections', () => {
  it('rejects the multi-currency fixture naming the line', () => {
    const expected = expectation('camt053-multi-currency');
    const error = rejection(fixtureBytes(expected.file));
    expect({ element: error.element, lineNo: error.lineNo, reason: error.reason }).toEqual(expected.error);
  });

  it('rejects a statement whose currency differs from the account currency', () => {
    expect(() => parseCamt053(statement(entry('')), { currency: 'EUR' })).toThrow('multiple currencies: statement is CZK, account is EUR');
  });

  it('rejects balances that do not reconcile with the entries', () => {
    const balances = `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CZK">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CZK">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`;
    expect(rejection(statement(entry(''), { balances })).reason).toBe(
      'balances do not reconcile: opening -10.00 CZK + lines 100.00 CZK ≠ closing 100.00 CZK; is the file complete?',
    );
    expect(parseCamt053(statement(entry('', '110.00'), { balances })).header).toMatchObject({ openingBalanceMinor: -1000, closingBalanceMinor: 10000 });
  });

  it.each([
    ['pending entries', entry('').replace('<Cd>BOOK</Cd>', '<Cd>PDNG</Cd>'), 'entry status is PDNG'],
    ['an amount with more decimals than the currency', entry('', '1.005'), "more than 2 decimal places"],
    ['a signed amount', entry('', '-5.00'), 'must be unsigned'],
    ['an unknown credit/debit indicator', entry('', '5.00', 'CRED'), 'CdtDbtInd must be CRDT or DBIT'],
    ['a missing booking date', entry('').replace(/<BookgDt>.*<\/BookgDt>/, ''), 'entry has no BookgDt'],
    ['a batch whose transactions do not add up', entry(`<NtryDtls><TxDtls><Amt Ccy="CZK">60.00</Amt></TxDtls><TxDtls><Amt Ccy="CZK">30.00</Amt></TxDtls></NtryDtls>`), 'batch transactions add up to 9000'],
    ['a batch transaction without an amount', entry(`<NtryDtls><TxDtls/><TxDtls><Amt Ccy="CZK">30.00</Amt></TxDtls></NtryDtls>`), 'transaction 1 has no amount'],
  ])('rejects %s', (_name, ntry, reason) => {
    const error = rejection(statement(ntry));
    expect(error.reason).toContain(reason);
    expect(error.element).toBe('Stmt[1]/Ntry[1]');
  });

  it.each([
    ['a camt.052 report', '<Document><BkToCstmrAcctRpt><Rpt/></BkToCstmrAcctRpt></Document>', 'not a camt.053'],
    ['another root element', '<Invoice/>', 'root element is <Invoice>'],
    ['a statement without account', '<Document><BkToCstmrStmt><Stmt><Ntry/></Stmt></BkToCstmrStmt></Document>', 'statement has no account'],
    ['a file without statements', '<Document><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>', 'no statement found'],
    ['mismatched tags', statement(entry('')).replace('</Stmt>', '</Stmnt>'), '</Stmnt> closes <Stmt>'],
    ['an unknown entity', statement(entry('<AddtlNtryInf>A &nbsp; B</AddtlNtryInf>')), 'unknown or unterminated entity'],
  ])('rejects %s', (_name, xml, reason) => {
    expect(rejection(xml).reason).toContain(reason);
  });

  it('rejects a second statement for a different account', () => {
    const two = statement(entry('')).replace('</Stmt>', `</Stmt><Stmt><Acct><Id><IBAN>CZ1120100000002801234567</IBAN></Id></Acct>${entry('')}</Stmt>`);
    expect(rejection(two).reason).toContain('several accounts');
  });
});

describe('parseCamt053 variants', () => {
  it('reads camt.053.001.08 paths: Sts/Cd, Pty/Nm, TxDtls/Amt, Othr account with bank code', () => {
    const xml = statement(
      entry(`<AcctSvcrRef>R-1</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="CZK">100.00</Amt>
        <RltdPties><Dbtr><Pty><Nm>Jiří Dvořák</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>19-2000145399</Id></Othr></Id></DbtrAcct></RltdPties>
        <RltdAgts><DbtrAgt><FinInstnId><Othr><Id>0800</Id></Othr></FinInstnId></DbtrAgt></RltdAgts>
        <RmtInf><Ustrd>Internet</Ustrd><Ustrd>VS 1001</Ustrd></RmtInf></TxDtls></NtryDtls>`),
    );
    expect(parseCamt053(xml).lines).toEqual([
      {
        lineNo: 1,
        bookingDate: '2026-02-02',
        amountMinor: 10000,
        currency: 'CZK',
        variableSymbol: '1001',
        counterAccount: 'CZ6508000000192000145399', // written 19-2000145399 with bank code 0800
        counterName: 'Jiří Dvořák',
        message: 'Internet VS 1001',
        bankReference: 'R-1',
        identity: 'ref:2900123456/2010:R-1',
      },
    ]);
  });

  it('takes the statement currency from the first balance or entry when Acct/Ccy is missing', () => {
    const parsed = parseCamt053(statement(entry('', '12', 'DBIT', 'JPY'), { ccy: '' }));
    expect(parsed.header.currency).toBe('JPY');
    expect(parsed.lines[0].amountMinor).toBe(-12);
  });

  it('accepts a local account number and namespace prefixes', () => {
    const xml = statement(entry(''), { account: '<Othr><Id>2900123456</Id></Othr>' })
      .replace(/<(\/?)(\w+)/g, '<$1ns2:$2')
      .replace('<ns2:Document xmlns=', '<ns2:Document xmlns:ns2=');
    expect(parseCamt053(xml).header).toEqual({ accountNumber: '2900123456', currency: 'CZK', statementId: 'S1' });
  });

  it('merges consecutive statements of one account and checks each balance pair', () => {
    const bal = (code: string, amount: string) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="CZK">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`;
    const first = statement(entry(''), { balances: bal('OPBD', '0.00') + bal('CLBD', '100.00') });
    const second = `<Stmt><Id>S2</Id><Acct><Id><IBAN>CZ86 2010 0000 0029 0012 3456</IBAN></Id></Acct>${bal('PRCD', '100.00')}${bal('CLBD', '150.00')}${entry('', '50.00')}</Stmt>`;
    const parsed = parseCamt053(first.replace('</Stmt>', `</Stmt>${second}`));
    expect(parsed.header).toMatchObject({ statementId: 'S1', openingBalanceMinor: 0, closingBalanceMinor: 15000 });
    expect(parsed.lines.map((l) => [l.lineNo, l.amountMinor])).toEqual([[1, 10000], [2, 5000]]);
  });
});
