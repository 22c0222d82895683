import { startTestSystem, type TestSystem } from '../support/test-system';
import { fetchText, manualPayment, newCustomer, parseCsv } from './payments-fixtures';

// The Customer Payments page: columns, filters, search, keyset pages, reseller scope, CSV export.
describe('the payment log and its CSV export', () => {
  let sys: TestSystem;
  let admin: { id: number; key: string };
  let clerk: { id: number; key: string };
  let resellerA: { id: number; key: string };
  let resellerB: { id: number; key: string };
  const p: Record<string, number> = {};
  const c: Record<string, number> = {};
  const BULK = 2100;

  async function pay(key: string, customerId: number, amountMinor: number, recordedAt: string, extra: Record<string, unknown> = {}): Promise<number> {
    const r = await sys.call(key, 'POST', '/v1/payments', manualPayment(customerId, amountMinor, extra));
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    await sys.db.payment.update({ where: { id: r.body.payment.id }, data: { recordedAt: new Date(recordedAt) } });
    return r.body.payment.id;
  }

  async function ids(key: string, query: string): Promise<number[]> {
    const r = await sys.call(key, 'GET', `/v1/payments?limit=500&${query}`);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.items.map((i: { id: number }) => i.id);
  }

  /** Every row the API lists for `query`, following the cursor page by page. */
  async function walk(key: string, query: string, limit: number): Promise<Array<{ id: number; amountMinor: number }>> {
    const all = [];
    let cursor: string | null = null;
    do {
      const r = await sys.call(key, 'GET', `/v1/payments?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      all.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return all;
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    admin = await sys.operatorKey('admin', 'Admin Nusrat');
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    resellerA = await sys.operatorKey('reseller', 'Reseller Alpha');
    resellerB = await sys.operatorKey('reseller', 'Reseller Beta');
    c.rahim = (await newCustomer(sys, clerk.key, { name: 'Rahim Uddin', username: 'rahim.uddin' })).id;
    c.hasan = (await newCustomer(sys, clerk.key, { name: 'Hasan, "Boss" Ali', username: 'hasan.ali' })).id;
    c.fatema = (await newCustomer(sys, resellerA.key, { name: 'Fatema Begum', username: 'fatema' })).id;
    c.jamal = (await newCustomer(sys, resellerB.key, { name: 'Jamal Khan', username: 'jamal' })).id;
    c.bulk = (await newCustomer(sys, clerk.key, { name: 'Bulk Corp', username: 'bulk.corp' })).id;

    p.rahimCash = await pay(clerk.key, c.rahim, 123450, '2026-03-01T20:00:00Z', { reference: 'RCPT-50%-OFF', note: '=cmd()' });
    p.hasanBkash = await pay(admin.key, c.hasan, 20000, '2026-03-01T10:00:00Z', { method: 'bkash', reference: 'TRX_A1', note: '+SUM(A1)' });
    p.fatema = await pay(resellerA.key, c.fatema, 5000, '2026-03-05T10:00:00Z');
    p.jamal = await pay(resellerB.key, c.jamal, 7000, '2026-03-05T10:00:00Z');
    p.rahimCard = await pay(admin.key, c.rahim, 300, '2026-02-20T10:00:00Z', { method: 'recharge_card', reference: 'RC100' });
    // Enough rows for several export pages, with many recorded_at ties for the keyset to break.
    await sys.db.payment.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        customerId: c.bulk, amountMinor: BigInt(1000 + i), currency: 'BDT', method: 'other' as const, source: 'bank_statement' as const,
        receivedAt: new Date('2025-06-01T00:00:00Z'), recordedAt: new Date(Date.UTC(2025, 5, 1, 0, 0, Math.floor(i / 7))),
      })),
    });
  });
  afterAll(() => sys?.stop());

  it('shows every column of the Customer Payments page, newest first', async () => {
    const r = await sys.call(clerk.key, 'GET', '/v1/payments?limit=3');
    expect(r.status).toBe(200);
    // jamal and fatema share a recorded_at: the later id comes first.
    expect(r.body.items.map((i: { id: number }) => i.id)).toEqual([p.jamal, p.fatema, p.rahimCash]);
    expect(r.body.items[2]).toEqual({
      id: p.rahimCash, customerId: c.rahim, customerName: 'Rahim Uddin', username: 'rahim.uddin', amountMinor: 123450, currency: 'BDT',
      method: 'cash', source: 'manual', recordedAt: '2026-03-01T20:00:00.000Z', receivedAt: expect.any(String),
      collectedBy: 'Clerk Rina', operatorId: clerk.id, operatorName: 'Clerk Rina', gateway: null, statementId: null,
      reference: 'RCPT-50%-OFF', note: '=cmd()', reversedAt: null, reversalReason: null,
    });
    expect(r.body.nextCursor).toEqual(expect.any(String));
  });

  it('filters by days in the operator time zone, operator and method, combined', async () => {
    expect(await ids(clerk.key, 'from=2026-03-02&to=2026-03-02')).toEqual([p.rahimCash]); // 02:00 in Dhaka
    expect(await ids(clerk.key, 'from=2026-03-02&to=2026-03-02&tz=UTC')).toEqual([]);
    expect(await ids(clerk.key, 'from=2026-03-01&to=2026-03-01&tz=UTC')).toEqual([p.rahimCash, p.hasanBkash]);
    expect(await ids(clerk.key, 'from=2026-02-01&to=2026-02-28')).toEqual([p.rahimCard]);
    expect(await ids(clerk.key, 'method=bkash')).toEqual([p.hasanBkash]);
    expect(await ids(clerk.key, `operatorId=${admin.id}`)).toEqual([p.hasanBkash, p.rahimCard]);
    expect(await ids(clerk.key, `operatorId=${admin.id}&method=recharge_card&from=2026-02-01`)).toEqual([p.rahimCard]);
  });

  it('searches customer name, username and reference, case-insensitively and literally', async () => {
    expect(await ids(clerk.key, 'q=RAHIM')).toEqual([p.rahimCash, p.rahimCard]);
    expect(await ids(clerk.key, 'q=hasan.a')).toEqual([p.hasanBkash]);
    expect(await ids(clerk.key, 'q=rc100')).toEqual([p.rahimCard]);
    expect(await ids(clerk.key, `q=${encodeURIComponent('50%')}`)).toEqual([p.rahimCash]);
    expect(await ids(clerk.key, 'q=_')).toEqual([p.hasanBkash]);
    expect(await ids(clerk.key, 'q=begum&method=cash')).toEqual([p.fatema]);
  });

  it('rejects malformed filters with 400, field and reason', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-13-01', 'querystring.from'],
      ['to=yesterday', 'querystring.to'],
      ['from=2026-03-05&to=2026-03-01', 'querystring.to'],
      ['method=paypal', 'querystring.method'],
      ['operatorId=abc', 'querystring.operatorId'],
      ['cursor=bm9wZQ', 'querystring.cursor'],
      ['limit=0', 'querystring.limit'],
      ['tz=Mars/Olympus', 'querystring.tz'],
    ];
    for (const [query, field] of cases) {
      const r = await sys.call(clerk.key, 'GET', `/v1/payments?${query}`);
      expect({ query, status: r.status, field: r.body.issues?.[0]?.field }).toEqual({ query, status: 400, field });
      expect(r.body.issues[0].reason).toEqual(expect.any(String));
    }
  });

  it('pages with an opaque cursor without skipping or repeating rows, even across recorded_at ties', async () => {
    const paged = await walk(clerk.key, 'method=other', 500);
    expect(paged).toHaveLength(BULK);
    expect(new Set(paged.map((r) => r.id)).size).toBe(BULK);
    const small = await walk(clerk.key, `operatorId=${admin.id}`, 1);
    expect(small.map((r) => r.id)).toEqual([p.hasanBkash, p.rahimCard]);
  });

  it('lets a reseller see and pay only for their own customers', async () => {
    expect(await ids(resellerA.key, '')).toEqual([p.fatema]);
    expect(await ids(resellerA.key, 'q=jamal')).toEqual([]);
    const others = await sys.call(resellerA.key, 'POST', '/v1/payments', manualPayment(c.jamal, 100));
    expect(others.status).toBe(404);
    expect(await sys.db.payment.count({ where: { customerId: c.jamal } })).toBe(1);
    expect((await sys.call(resellerA.key, 'GET', `/v1/customers/${c.jamal}/statement`)).status).toBe(404);
    expect((await sys.call(resellerA.key, 'GET', `/v1/customers/${c.fatema}/statement`)).status).toBe(200);
    expect((await sys.call(resellerA.key, 'POST', `/v1/payments/${p.fatema}/reverse`, { reason: 'not allowed' })).status).toBe(403);
    const csv = parseCsv((await fetchText(sys, resellerA.key, '/v1/payments/export.csv')).text.replace(/^\uFEFF/, ''));
    expect(csv.slice(1).map((row) => Number(row[0]))).toEqual([p.fatema]);
  });

  it('exports the same rows and total as the API lists, escaped and with decimal amounts', async () => {
    const res = await fetchText(sys, clerk.key, '/v1/payments/export.csv');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/csv/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(res.text).toContain('"Hasan, ""Boss"" Ali"');

    const [header, ...rows] = parseCsv(res.text.slice(1));
    const col = (name: string) => header!.indexOf(name);
    expect(header).toEqual(expect.arrayContaining(['customer_name', 'username', 'amount', 'amount_minor', 'method', 'recorded_at', 'operator', 'reference', 'note']));
    const listed = await walk(clerk.key, '', 500);
    expect(rows.map((r) => Number(r[col('payment_id')]))).toEqual(listed.map((r) => r.id));
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(rows.map((r) => Number(r[col('amount_minor')])))).toBe(total(listed.map((r) => r.amountMinor)));

    const rahim = rows.find((r) => Number(r[col('payment_id')]) === p.rahimCash)!;
    expect([rahim[col('note')], rahim[col('amount')], rahim[col('amount_minor')], rahim[col('operator')]]).toEqual(["'=cmd()", '1234.50', '123450', 'Clerk Rina']);
    const hasan = rows.find((r) => Number(r[col('payment_id')]) === p.hasanBkash)!;
    expect([hasan[col('customer_name')], hasan[col('note')]]).toEqual(['Hasan, "Boss" Ali', "'+SUM(A1)"]);

    const filtered = parseCsv((await fetchText(sys, clerk.key, `/v1/payments/export.csv?q=rahim&from=2026-03-01`)).text.slice(1));
    expect(filtered.slice(1).map((r) => Number(r[0]))).toEqual([p.rahimCash]);
    expect((await fetchText(sys, clerk.key, '/v1/payments/export.csv?method=paypal')).status).toBe(400);
  });
});
