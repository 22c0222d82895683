import { parseGpc } from '../../../../domain/statements/gpc';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { expectation, fixtureBytes } from './fixture-files';

const OWN = '0000002900123456';

function header(opening: number, closing: number, account = OWN): string {
  const balance = (value: number) => String(Math.abs(value)).padStart(14, '0') + (value < 0 ? '-' : '+');
  return `074${account}${'Settle ISP s.r.o.'.padEnd(20)}010326${balance(opening)}${balance(closing)}${'0'.repeat(14)}0${'0'.repeat(14)}0003310326`.padEnd(128);
}

function item(amountHundredths: number, code: string, options: { currency?: string; vs?: string; doc?: string; account?: string; name?: string } = {}): string {
  const record =
    `075${options.account ?? OWN}0000192000145399${options.doc ?? '0001150000001'}${String(amountHundredths).padStart(12, '0')}${code}` +
    `${(options.vs ?? '1001').padStart(10, '0')}0008000308${'0'.repeat(10)}020326${(options.name ?? 'Dvořák Jiří').padEnd(20)}0${options.currency ?? '0203'}020326`;
  expect(record).toHaveLength(128);
  return record;
}

function rejection(input: string | Buffer): StatementFormatError {
  try {
    parseGpc(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFormatError);
    return error as StatementFormatError;
  }
  throw new Error('expected the statement to be rejected');
}

describe('parseGpc fixture gpc-cz-2026-03 (Windows-1250 bytes)', () => {
  const expected = expectation('gpc-cz-2026-03');
  const bytes = fixtureBytes(expected.file);
  const parsed = parseGpc(bytes);

  it('is really Windows-1250 on disk: ř is the single byte 0xF8', () => {
    expect(bytes.includes(Buffer.from('Dvo\xf8\xe1k Ji\xf8\xed', 'latin1'))).toBe(true);
  });

  it('reads the 074 header', () => {
    expect(parsed.header).toEqual(expected.header);
  });

  it.each(expected.lines!.map((line) => [line.lineNo, line] as const))('reads the 075 record at line %i exactly', (lineNo, line) => {
    expect(parsed.lines.find((l) => l.lineNo === lineNo)).toEqual(line);
  });

  it('returns exactly the expected lines, names with diacritics intact', () => {
    expect(parsed.lines).toEqual(expected.lines);
    expect(parsed.lines.map((l) => l.counterName)).toContain('Šťastná Petra');
  });

  it('reads already-decoded text the same way', () => {
    expect(parseGpc(new TextDecoder('windows-1250').decode(bytes))).toEqual(parsed);
  });

  it('reads the same statement saved as UTF-8 (a bank portal or an editor re-encoded it)', () => {
    const utf8 = Buffer.from(new TextDecoder('windows-1250').decode(bytes), 'utf8');
    expect(utf8.length).toBeGreaterThan(bytes.length);
    expect(parseGpc(utf8)).toEqual(parsed);
  });

  it('rejects the bytes when told they are UTF-8', () => {
    expect(() => parseGpc(bytes, { encoding: 'utf-8' })).toThrow('not valid UTF-8');
  });

  it('rejects the file cut before any of its transaction records', () => {
    const records = bytes.toString('latin1').split('\r\n');
    for (let keep = 1; keep < records.length; keep++) {
      if (!records.slice(keep).some((r) => r.startsWith('075'))) continue;
      const cut = Buffer.from(records.slice(0, keep).join('\r\n'), 'latin1');
      expect(() => parseGpc(cut)).toThrow('balances do not reconcile');
    }
  });
});

describe('parseGpc', () => {
  it('signs accounting codes 1, 2, 4 and 5 and treats a zero document number as no reference', () => {
    const text = [header(0, 10000 - 2000 + 300 - 40), item(10000, '2'), item(2000, '1', { doc: '0001150000002' }), item(300, '4', { doc: '0001150000003' }), item(40, '5', { doc: '0'.repeat(13) })].join('\n');
    const parsed = parseGpc(text);
    expect(parsed.lines.map((l) => [l.lineNo, l.amountMinor, l.bankReference])).toEqual([
      [2, 10000, '1150000001'],
      [3, -2000, '1150000002'],
      [4, 300, '1150000003'],
      [5, -40, undefined],
    ]);
    expect(parsed.lines[3].identity).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('rejects a transaction in another currency than the statement', () => {
    const error = rejection([header(0, 20000), item(10000, '2'), item(10000, '2', { currency: '0978', doc: '0001150000002' })].join('\r\n'));
    expect(error.reason).toBe('multiple currencies: line 3 is EUR, statement is CZK');
    expect(error.lineNo).toBe(3);
  });

  it('rejects a statement in another currency than the account', () => {
    expect(() => parseGpc([header(0, 10000), item(10000, '2', { currency: '0978' })].join('\n'), { currency: 'CZK' })).toThrow(
      'multiple currencies: line 2 is EUR, account is CZK',
    );
  });

  it('states an empty statement in CZK unless told the account currency', () => {
    expect(parseGpc(header(5000, 5000)).header).toMatchObject({ currency: 'CZK', openingBalanceMinor: 5000, closingBalanceMinor: 5000 });
    expect(parseGpc(header(5000, 5000), { currency: 'EUR' }).header.currency).toBe('EUR');
  });

  it('reads negative balances', () => {
    expect(parseGpc([header(-5000, 5000), item(10000, '2')].join('\n')).header).toMatchObject({ openingBalanceMinor: -5000, closingBalanceMinor: 5000 });
  });

  it.each([
    ['a record longer than 128 characters', `${header(0, 0)}X`, 'record 1 has 129 characters; GPC records have 128', 1],
    ['an unknown record type', [header(0, 0), '099'.padEnd(128)].join('\n'), "unknown record type '099'", 2],
    ['a transaction before any header', item(100, '2'), 'before any header record 074', 1],
    ['an unknown accounting code', [header(0, 100), item(100, '3')].join('\n'), 'accounting code (position 61) must be 1, 2, 4 or 5', 2],
    ['letters in the amount', [header(0, 100), item(100, '2').replace('000000000100', '0000000001OO')].join('\n'), 'amount (positions 49–60) must be digits', 2],
    ['a transaction of another account', [header(0, 100), item(100, '2', { account: '0000000000111111' })].join('\n'), 'record is for account 111111', 2],
    ['a message record without a transaction', [header(0, 0), '078Hello'.padEnd(128)].join('\n'), 'does not follow a transaction', 2],
    ['a bad booking date', [header(0, 100), item(100, '2').slice(0, 122) + '310226'].join('\n'), "'310226' is not a valid date", 2],
    ['an empty file', '', 'no statement found', 1],
  ])('rejects %s', (_name, text, reason, lineNo) => {
    const error = rejection(text);
    expect(error.reason).toContain(reason);
    expect(error.lineNo).toBe(lineNo);
  });

  it('reads a 100 000-line statement from one buffer', () => {
    const count = 100_000;
    const template = item(100, '2', { name: 'Dvo\xf8\xe1k Ji\xf8\xed' });
    const bytes = Buffer.alloc(130 * (count + 1));
    bytes.write(`${header(0, count * 100)}\r\n`, 0, 'latin1');
    for (let i = 1; i <= count; i++) {
      const record = template.slice(0, 35) + String(i).padStart(13, '0') + template.slice(48, 61) + String(1000 + (i % 500)).padStart(10, '0') + template.slice(71);
      bytes.write(`${record}\r\n`, 130 * i, 'latin1');
    }
    const parsed = parseGpc(bytes);
    expect(parsed.lines).toHaveLength(count);
    expect(parsed.lines[count - 1]).toMatchObject({ lineNo: count + 1, amountMinor: 100, variableSymbol: '1000', counterName: 'Dvořák Jiří' });
  });
});

describe('parseGpc dialects', () => {
  it('marks accounting codes 4 and 5 as reversals and searches a name field with digits as the message', () => {
    const text = [header(0, 5000), item(10000, '2', { name: 'VS:1002 FA 2026-0001' }), item(5000, '5', { doc: '0001150000002' })].join('\n');
    const [paid, reversed] = parseGpc(text).lines;
    expect(paid).toMatchObject({ variableSymbol: '1001', message: 'VS:1002 FA 2026-0001', counterName: 'VS:1002 FA 2026-0001' });
    expect(paid.reversal).toBeUndefined();
    expect(reversed).toMatchObject({ amountMinor: -5000, reversal: true, counterName: 'Dvořák Jiří' });
    expect(reversed.message).toBeUndefined();
  });

  it('names a transaction record one character short', () => {
    const error = rejection([header(0, 10000), item(10000, '2').slice(0, 127)].join('\n'));
    expect(error.reason).toBe('record 2 has 127 characters; GPC records have 128');
    expect(error.lineNo).toBe(2);
  });
});
