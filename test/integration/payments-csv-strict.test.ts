import { csvCell } from '../../services/payment-csv';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { fetchText, newCustomer } from './payments-fixtures';

// "Does the CSV open in a spreadsheet with the same rows and totals?" The honest check
// is LibreOffice headless (payments-libreoffice.test.ts, skipped where soffice is missing).
// A strict RFC 4180 reader runs everywhere: it
// fails on anything a lenient reader would silently repair (stray quotes, bare CR or LF,
// ragged rows), which are exactly the defects that make a spreadsheet shift columns.

class CsvSyntaxError extends Error {}

function parseStrictCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  const fail = (reason: string): never => {
    throw new CsvSyntaxError(`record ${records.length + 1}, offset ${at}: ${reason}`);
  };
  for (;;) {
    let field = '';
    if (text[at] === '"') {
      for (at++; ; at++) {
        if (at >= text.length) fail('quoted field never closed');
        if (text[at] === '"' && text[at + 1] === '"') [field, at] = [field + '"', at + 1];
        else if (text[at] === '"') break;
        else field += text[at];
      }
      at++;
    } else {
      while (at < text.length && !',\r\n'.includes(text[at]!)) {
        if (text[at] === '"') fail('quote inside an unquoted field');
        field += text[at++];
      }
    }
    record.push(field);
    if (text[at] === ',') {
      at++;
      continue;
    }
    if (text.startsWith('\r\n', at)) at += 2;
    else if (at < text.length) fail(`expected a comma or CRLF, found ${JSON.stringify(text[at])}`);
    if (records.length > 0 && record.length !== records[0]!.length) fail(`${record.length} fields, the header has ${records[0]!.length}`);
    records.push(record);
    record = [];
    if (at >= text.length) return records;
  }
}

/** "-1234.50" → -123450, exactly (no floating point). */
function minorOf(decimal: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(decimal);
  if (!m) throw new Error(`not a two-decimal amount: ${decimal}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

describe('the strict RFC 4180 reader', () => {
  it('reads quoted commas, quotes and line breaks', () => {
    expect(parseStrictCsv('a,b\r\n"x, ""y""","1\r\n2"\r\n')).toEqual([['a', 'b'], ['x, "y"', '1\r\n2']]);
  });

  it.each([
    ['a,b\r\n"open,1\r\n', 'never closed'],
    ['a,b\r\nx"y,1\r\n', 'quote inside'],
    ['a,b\r\n"x"y,1\r\n', 'expected a comma'],
    ['a,b\nx,1\n', 'expected a comma or CRLF'],
    ['a,b\r\nx\r\n', '1 fields'],
  ])('rejects %j', (text, reason) => {
    expect(() => parseStrictCsv(text)).toThrow(reason);
  });
});

describe('the CSV export read strictly', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  const NOTES = ['plain', 'comma, inside', 'say "hi"', 'two\r\nlines', 'bare\nLF', '=1+1', '-5', 'রহিম উদ্দিন', '', 'trailing space ', 'a;=1+1;', 'x\t=1|@2\r\n+3', '\r=1', ';\t=1'];

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk');
    const customer = (await newCustomer(sys, clerk.key, { name: 'Hasan, "Boss" Ali' })).id;
    await sys.db.payment.createMany({
      data: Array.from({ length: 2345 }, (_, i) => ({
        customerId: customer, amountMinor: BigInt(i % 50 === 0 ? 1 : 99_999 + i * 37), currency: 'BDT', method: 'cash' as const, source: 'manual' as const,
        operatorId: clerk.id, note: NOTES[i % NOTES.length] || null, reference: i % 3 ? `REF-${i}` : null,
        receivedAt: new Date('2026-02-01T00:00:00Z'), recordedAt: new Date(Date.UTC(2026, 1, 1, 0, 0, Math.floor(i / 3))),
      })),
    });
  });
  afterAll(() => sys?.stop());

  it('has the rows, order and total of the API list', async () => {
    const res = await fetchText(sys, clerk.key, '/v1/payments/export.csv');
    expect(res.status).toBe(200);
    expect(res.text.startsWith('\uFEFF')).toBe(true); // for Excel; not part of RFC 4180
    const [header, ...rows] = parseStrictCsv(res.text.slice(1));
    const col = (name: string) => header!.indexOf(name);

    const listed: Array<{ id: number; amountMinor: number; note: string | null }> = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await sys.call(clerk.key, 'GET', `/v1/payments?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(rows).toHaveLength(listed.length);
    expect(rows.map((r) => Number(r[col('payment_id')]))).toEqual(listed.map((p) => p.id));
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(rows.map((r) => minorOf(r[col('amount')]!)))).toBe(total(listed.map((p) => p.amountMinor)));
    expect(total(rows.map((r) => Number(r[col('amount_minor')])))).toBe(total(listed.map((p) => p.amountMinor)));
    // Postgres writes each cell the way csvCell does in Node.
    expect(rows.map((r) => `"${r[col('note')]!.replace(/"/g, '""')}"`)).toEqual(listed.map((p) => (p.note === null ? '""' : csvCell(p.note))));
    for (const note of ["a;'=1+1;", "x\t'=1|'@2\r\n'+3", "'\r'=1", ";'\t'=1"]) expect(rows.some((r) => r[col('note')] === note)).toBe(true);
  });
});
