import { parseMt940 } from '../../../../domain/statements/mt940';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { expectation, fixtureBytes } from './fixture-files';

const head = [':20:REF1', ':25:CZ8620100000002900123456', ':28C:7/1', ':60F:C260130CZK1000,00'];

function mt940(...body: string[]): string {
  return [...head, ...body].join('\r\n') + '\r\n';
}

function rejection(text: string | Buffer): StatementFormatError {
  try {
    parseMt940(text);
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFormatError);
    return error as StatementFormatError;
  }
  throw new Error('expected the statement to be rejected');
}

describe('parseMt940 fixture mt940-bd-2026-02', () => {
  const expected = expectation('mt940-bd-2026-02');
  const parsed = parseMt940(fixtureBytes(expected.file));

  it('reads the header across both pages (:28C: 00042/1 and 00042/2)', () => {
    expect(parsed.header).toEqual(expected.header);
  });

  it.each(expected.lines!.map((line) => [line.lineNo, line] as const))('reads the :61: at line %i exactly', (lineNo, line) => {
    expect(parsed.lines.find((l) => l.lineNo === lineNo)).toEqual(line);
  });

  it('returns exactly the expected lines', () => {
    expect(parsed.lines).toEqual(expected.lines);
  });

  it('rejects the file cut at any line before its final balance', () => {
    const lines = fixtureBytes(expected.file).toString('utf8').split('\r\n');
    for (let keep = 1; keep < lines.indexOf(':62F:C260228BDT54100,00') + 1; keep++) {
      expect(() => parseMt940(lines.slice(0, keep).join('\r\n'))).toThrow(StatementFormatError);
    }
  });
});

describe('parseMt940', () => {
  it('signs C, D, RC and RD and reads the entry date across a year end', () => {
    const parsed = parseMt940(
      mt940(
        ':61:2601020102C100,00NTRFNONREF//B1',
        ':61:2601021231D25,5NMSCNONREF//B2',
        ':61:260102RC10,NTRFNONREF//B3',
        ':61:260102RD0,01NTRFNONREF//B4',
        ':62F:C260102CZK1064,51',
      ),
    );
    expect(parsed.lines.map((l) => [l.lineNo, l.bookingDate, l.amountMinor])).toEqual([
      [5, '2026-01-02', 10000],
      [6, '2025-12-31', -2550],
      [7, '2026-01-02', -1000],
      [8, '2026-01-02', 1],
    ]);
    expect(parsed.header).toEqual({
      accountIban: 'CZ8620100000002900123456',
      currency: 'CZK',
      statementId: '7/1',
      from: '2026-01-30',
      to: '2026-01-02',
      openingBalanceMinor: 100000,
      closingBalanceMinor: 106451,
    });
  });

  it('reads SEPA keywords and ?38 IBAN from a structured :86:, and the supplementary line', () => {
    const parsed = parseMt940(
      mt940(
        ':61:2602020202C599,00NTRFNONREF//B1',
        'EXTRA DETAILS',
        ':86:166?00SEPA-GUTSCHRIFT?20EREF+VS1001?21SVWZ+Internet unor 2026?32Jiri Dvorak?38CZ6508000000192000145399',
        ':61:2602030203D1,00NMSCNONREF',
        'BANK FEE',
        ':62F:C260203CZK1598,00',
      ),
    );
    expect(parsed.lines).toEqual([
      expect.objectContaining({
        variableSymbol: '1001',
        message: 'Internet unor 2026',
        counterName: 'Jiri Dvorak',
        counterAccount: 'CZ6508000000192000145399',
        bankReference: 'B1',
      }),
      expect.objectContaining({ amountMinor: -100, message: 'BANK FEE', identity: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }),
    ]);
  });

  it('reads Windows-1250 without being told, and refuses it when told it is UTF-8', () => {
    const text = mt940(':61:2602020202C1,00NTRFNONREF//B1', ':86:Platba Dvořák Jiří VS 1001', ':62F:C260202CZK1001,00');
    const bytes = Buffer.from(Array.from(text, (c) => ({ ř: 0xf8, á: 0xe1, í: 0xed })[c] ?? c.charCodeAt(0)));
    expect(parseMt940(bytes).lines[0].message).toBe('Platba Dvořák Jiří VS 1001');
    expect(parseMt940(bytes, { encoding: 'windows-1250' }).lines[0].message).toBe('Platba Dvořák Jiří VS 1001');
    expect(() => parseMt940(bytes, { encoding: 'utf-8' })).toThrow('not valid UTF-8');
  });

  it('rejects a second page in another currency, naming the balance', () => {
    const text = mt940(':61:2601300130C1,00NTRFNONREF//B1', ':62M:C260130CZK1001,00', '-', ':20:REF2', ':25:CZ8620100000002900123456', ':60M:C260130EUR1001,00', ':62F:C260131EUR1001,00');
    const error = rejection(text);
    expect(error.reason).toBe('multiple currencies: opening balance :60F: is EUR, statement is CZK');
    expect(error.lineNo).toBe(10);
  });

  it.each([
    ['a missing closing balance', mt940(':61:2601300130C1,00NTRFNONREF'), 'without the closing balance', 6],
    ['balances that do not reconcile', mt940(':61:2601300130C1,00NTRFNONREF', ':62F:C260130CZK1000,00'), 'balances do not reconcile', 6],
    ['a malformed :61:', mt940(':61:2601300130X1,00NTRFNONREF', ':62F:C260130CZK1001,00'), 'is not date', 5],
    ['an invalid date', mt940(':61:2602300130C1,00NTRFNONREF', ':62F:C260130CZK1001,00'), "'260230' is not a valid date", 5],
    ['a line before the opening balance', [':20:R', ':25:X', ':61:2601300130C1,00NTRFNONREF'].join('\n'), 'before the opening balance', 3],
    ['text inside a message that continues no field', [':20:R', 'hello', ':25:X'].join('\n'), 'text outside any field', 2],
    ['a new statement before the closing balance', mt940(':20:R2'), 'before the closing balance', 5],
  ])('rejects %s', (_name, text, reason, lineNo) => {
    const error = rejection(text);
    expect(error.reason).toContain(reason);
    expect(error.lineNo).toBe(lineNo);
  });

  it('rejects a second account in the same file', () => {
    const text = mt940(':62F:C260130CZK1000,00', ':20:R2', ':25:1051100012345', ':60F:C260130CZK1000,00', ':62F:C260130CZK1000,00');
    expect(rejection(text).reason).toContain('several accounts');
  });
});

describe('parseMt940 bank dialects', () => {
  const message = (account: string, ref: string) => [
    `:20:${ref}`, `:25:${account}`, ':28C:1/1', ':60F:C260130CZK1000,00',
    ':61:260202    C500NTRFNONREF//B1', ':86:PLATBA VS:1001', '', 'PROTIUCET 217543110/0300',
    ':62F:C260202CZK1500,00',
  ];

  it('reads a file with a bank preamble, SWIFT envelope, SOH/ETX and blank lines inside :86:', () => {
    const text = ['GIBACZPX', '940', '0000 01', ':940:', '\x01{1:F01GIBACZPXAXXX0000000000}{2:I940GIBACZPXXXXXN}{4:', ...message('2010/2801234578', 'R1'), '-}\x03'].join('\r\n');
    const parsed = parseMt940(text);
    expect(parsed.header.accountIban).toBe('CZ0520100000002801234578');
    expect(parsed.lines).toHaveLength(1);
    expect(parsed.lines[0]).toMatchObject({ amountMinor: 50000, bookingDate: '2026-02-02', variableSymbol: '1001', counterAccount: 'CZ6703000000000217543110' });
    expect(parsed.lines[0].identity).toBe('ref:2010/2801234578:B1');
  });

  it('reads the statement of the named account from a file of several, and names the accounts otherwise', () => {
    const text = [...message('2010/2801234578', 'R1'), '-', ...message('19-2000145399/0800', 'R2'), '-'].join('\n');
    expect(rejection(text).reason).toContain('several accounts (2010/2801234578 and 19-2000145399/0800)');
    expect(parseMt940(text, { account: 'CZ6508000000192000145399' }).header.accountIban).toBe('CZ6508000000192000145399');
    expect(() => parseMt940(text, { account: '1051100012345' })).toThrow('none of account 1051100012345');
  });
});
