import { startTestSystem, type TestSystem } from '../support/test-system';
import { readXlsx, type CellRead } from '../unit/support/xlsx-reader';
import { fetchText, manualPayment, newCustomer, parseCsv } from './payments-fixtures';

interface Listed { id: number; amountMinor: number; recordedAt: string; receivedAt: string; customerName: string; note: string | null; collectedBy: string }

const DHAKA_OFFSET_MS = 6 * 3_600_000; // Bangladesh has kept UTC+6 without daylight saving since 2009
const dhakaSerial = (iso: string) => (Date.parse(iso) + DHAKA_OFFSET_MS) / 86_400_000 + 25_569;

// Export to Excel on the Customer Payments page: same rows, filters and columns as the CSV.
describe('the payment log as an Excel workbook', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let reseller: { id: number; key: string };
  const p: Record<string, number> = {};
  const BULK = 2100;

  async function download(key: string, query = ''): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const res = await fetch(`${sys.api.url}/v1/payments/export.xlsx${query}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function listAll(key: string, query = ''): Promise<Listed[]> {
    const all: Listed[] = [];
    let cursor: string | null = null;
    do {
      const r = await sys.call(key, 'GET', `/v1/payments?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      all.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return all;
  }

  function sheet(body: Buffer): { header: string[]; rows: Array<Array<CellRead | undefined>>; col: (name: string) => number; formatOf: (c: CellRead) => string } {
    const book = readXlsx(body);
    const [headerRow, ...rows] = book.rows;
    const header = headerRow!.map((c) => c!.text!);
    return { header, rows, col: (name) => header.indexOf(name), formatOf: book.formatOf };
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    reseller = await sys.operatorKey('reseller', 'Reseller Alpha');
    const rahim = (await newCustomer(sys, clerk.key, { name: 'Rahim Uddin', username: 'rahim.x' })).id;
    const fatema = (await newCustomer(sys, reseller.key, { name: 'Fatema Begum', username: 'fatema.x' })).id;
    const bulk = (await newCustomer(sys, clerk.key, { name: 'Bulk Corp', username: 'bulk.x' })).id;
    const pay = async (key: string, customerId: number, amountMinor: number, extra: Record<string, unknown> = {}) =>
      (await sys.call(key, 'POST', '/v1/payments', manualPayment(customerId, amountMinor, extra))).body.payment.id as number;
    p.rahim = await pay(clerk.key, rahim, 123450, { note: '=cmd()', reference: '@SUM(A1)' });
    p.fatema = await pay(reseller.key, fatema, 5005, { method: 'bkash' });
    await sys.db.payment.update({ where: { id: p.rahim }, data: { recordedAt: new Date('2026-03-01T20:00:00Z') } });
    await sys.db.payment.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        customerId: bulk, amountMinor: BigInt(1000 + i), currency: 'BDT', method: 'other' as const, source: 'bank_statement' as const,
        receivedAt: new Date('2025-06-01T00:00:00Z'), recordedAt: new Date(Date.UTC(2025, 5, 1, 0, 0, Math.floor(i / 7))),
      })),
    });
  });
  afterAll(() => sys?.stop());

  it('has every row the API lists, in order, across many pages, with the CSV columns', async () => {
    const res = await download(clerk.key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payments.xlsx"');

    const { header, rows, col, formatOf } = sheet(res.body);
    const csvHeader = parseCsv((await fetchText(sys, clerk.key, '/v1/payments/export.csv')).text.replace(/^\uFEFF/, ''))[0];
    expect(header).toEqual(csvHeader);

    const listed = await listAll(clerk.key);
    expect(listed.length).toBeGreaterThan(BULK);
    expect(rows.map((r) => r[col('payment_id')]!.value)).toEqual(listed.map((l) => l.id));
    expect(rows.map((r) => Math.round(r[col('amount')]!.value! * 100))).toEqual(listed.map((l) => l.amountMinor));
    expect(rows.map((r) => r[col('amount_minor')]!.value)).toEqual(listed.map((l) => l.amountMinor));
    rows.forEach((r, i) => expect(r[col('recorded_at')]!.value).toBeCloseTo(dhakaSerial(listed[i]!.recordedAt), 8));
    expect(rows.map((r) => r[col('customer_name')]!.text)).toEqual(listed.map((l) => l.customerName));
    expect(formatOf(rows[0]![col('amount')]!)).toBe('#,##0.00');
    expect(formatOf(rows[0]![col('received_at')]!)).toBe('yyyy-mm-dd hh:mm:ss');
    expect(rows.every((r) => r[col('reversed_at')] === undefined)).toBe(true);
  });

  it('types formula-like text as text, shown without an apostrophe', async () => {
    const { rows, col } = sheet((await download(clerk.key, '?q=rahim')).body);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect([row[col('note')]!.text, row[col('reference')]!.text, row[col('operator')]!.text]).toEqual(['=cmd()', '@SUM(A1)', 'Clerk Rina']);
    expect([row[col('note')]!.type, row[col('amount')]!.value]).toEqual(['inlineStr', 1234.5]);
  });

  it('applies the filters, with days and date-times in the tz given', async () => {
    const dhaka = sheet((await download(clerk.key, '?from=2026-03-02&to=2026-03-02')).body);
    expect(dhaka.rows.map((r) => r[0]!.value)).toEqual([p.rahim]);
    expect(dhaka.rows[0]![dhaka.col('recorded_at')]!.value).toBeCloseTo(46083 + 2 / 24, 8);
    const utc = sheet((await download(clerk.key, '?from=2026-03-01&to=2026-03-01&tz=UTC')).body);
    expect(utc.rows.map((r) => r[0]!.value)).toEqual([p.rahim]);
    expect(utc.rows[0]![utc.col('recorded_at')]!.value).toBeCloseTo(46082 + 20 / 24, 8);
    expect(sheet((await download(clerk.key, '?method=bkash')).body).rows.map((r) => r[0]!.value)).toEqual([p.fatema]);
  });

  it("gives a reseller only their customers' payments and refuses bad filters", async () => {
    const mine = sheet((await download(reseller.key)).body);
    expect(mine.rows.map((r) => r[0]!.value)).toEqual([p.fatema]);
    expect(mine.rows[0]![mine.col('amount')]!.value).toBe(50.05);
    const bad = await download(clerk.key, '?method=paypal');
    expect([bad.status, JSON.parse(bad.body.toString()).issues[0].field]).toEqual([400, 'querystring.method']);
  });
});
