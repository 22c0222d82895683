import { addDays, localDate } from '../../domain/dunning/zoned-time';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { manualPayment, newCustomer, newInvoice } from './payments-fixtures';

type Row = Record<string, number | string> & { customerId: number };
const BUCKETS = ['currentMinor', 'days1To30Minor', 'days31To60Minor', 'days61To90Minor', 'over90Minor'] as const;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// Receivables: who owes what, aged by due date, derived from invoices, allocations and payments.
describe('the receivables report', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let resellerA: { id: number; key: string };
  let resellerB: { id: number; key: string };
  const c: Record<string, number> = {};
  const today = localDate(new Date(), 'Asia/Dhaka');
  const daysAgo = (n: number) => addDays(today, -n);

  async function report(key: string, query = ''): Promise<{ status: number; body: any }> {
    return sys.call(key, 'GET', `/v1/reports/receivables?asOf=${today}${query}`);
  }

  async function walk(key: string, query: string, limit: number): Promise<Row[]> {
    const rows: Row[] = [];
    let after = 0;
    for (;;) {
      const r = await report(key, `&limit=${limit}&after=${after}${query}`);
      expect(r.status).toBe(200);
      rows.push(...r.body.items);
      if (r.body.next === null) return rows;
      after = r.body.next;
    }
  }

  async function pay(customerId: number, amountMinor: number): Promise<number> {
    const r = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(customerId, amountMinor));
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    return r.body.payment.id;
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk');
    resellerA = await sys.operatorKey('reseller', 'Reseller A');
    resellerB = await sys.operatorKey('reseller', 'Reseller B');
    for (const name of ['aged', 'edges', 'overpaid', 'prepaid', 'settled', 'voided', 'bounced']) c[name] = (await newCustomer(sys, clerk.key, { name })).id;
    c.ofA = (await newCustomer(sys, resellerA.key, { name: 'ofA' })).id;
    c.ofB = (await newCustomer(sys, resellerB.key, { name: 'ofB' })).id;
    const czk = await sys.call(clerk.key, 'POST', '/v1/customers', { name: 'Praha', username: 'praha', paymentReference: '7700', currency: 'CZK', timezone: 'Europe/Prague' });
    c.praha = czk.body.id;

    // One invoice per bucket; the 2 500 payment goes to the oldest first.
    const dues: Array<[string, number, number]> = [['2026-01', -5, 1000], ['2026-02', 10, 2000], ['2026-03', 40, 3000], ['2026-04', 70, 4000], ['2026-05', 130, 5000]];
    for (const [period, late, total] of dues) await newInvoice(sys, c.aged, period, total, daysAgo(late));
    await pay(c.aged, 2500);
    // Bucket edges: due today is not late; 30, 60 and 90 days late close their buckets.
    const edges: Array<[string, number]> = [['2026-01', 0], ['2026-02', 1], ['2026-03', 30], ['2026-04', 31], ['2026-05', 60], ['2026-06', 61], ['2026-07', 90], ['2026-08', 91]];
    for (const [period, late] of edges) await newInvoice(sys, c.edges, period, 100, daysAgo(late));
    await newInvoice(sys, c.overpaid, '2026-01', 1000, daysAgo(3));
    await pay(c.overpaid, 1500);
    await pay(c.prepaid, 700);
    await newInvoice(sys, c.settled, '2026-01', 900, daysAgo(3));
    await pay(c.settled, 900);
    const voided = await newInvoice(sys, c.voided, '2026-01', 800, daysAgo(3));
    await sys.db.invoice.update({ where: { id: voided }, data: { status: 'void' } });
    await newInvoice(sys, c.bounced, '2026-01', 600, daysAgo(45));
    const bounced = await pay(c.bounced, 600);
    expect((await sys.call(clerk.key, 'POST', `/v1/payments/${bounced}/reverse`, { reason: 'cheque bounced' })).status).toBe(200);
    await newInvoice(sys, c.ofA, '2026-01', 300, daysAgo(3));
    await newInvoice(sys, c.ofB, '2026-01', 400, daysAgo(3));
    await sys.db.invoice.create({
      data: { number: 'CZ-1', customerId: c.praha, period: '2026-01', issueDate: new Date('2026-01-01'), dueDate: new Date(daysAgo(100)), currency: 'CZK', netMinor: 25000n, taxMinor: 0n, totalMinor: 25000n },
    });
  });
  afterAll(() => sys?.stop());

  it('ages what each customer owes by due date, nets credit, and leaves settled and void bills out', async () => {
    const r = await report(clerk.key);
    expect(r.status).toBe(200);
    const byId = new Map<number, Row>(r.body.items.map((row: Row) => [row.customerId, row]));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([c.aged, c.edges, c.overpaid, c.prepaid, c.bounced, c.ofA, c.ofB, c.praha]);

    expect(byId.get(c.aged)).toMatchObject({
      name: 'aged', currency: 'BDT', billedMinor: 15000, paidMinor: 2500, creditMinor: 0, outstandingMinor: 12500,
      currentMinor: 1000, days1To30Minor: 2000, days31To60Minor: 3000, days61To90Minor: 4000, over90Minor: 2500,
    });
    expect(BUCKETS.map((b) => byId.get(c.edges)![b])).toEqual([100, 200, 200, 200, 100]);
    expect(byId.get(c.overpaid)).toMatchObject({ billedMinor: 1000, paidMinor: 1000, creditMinor: 500, outstandingMinor: -500, currentMinor: 0, days1To30Minor: 0 });
    expect(byId.get(c.prepaid)).toMatchObject({ billedMinor: 0, creditMinor: 700, outstandingMinor: -700 });
    expect(byId.get(c.bounced)).toMatchObject({ billedMinor: 600, paidMinor: 0, creditMinor: 0, outstandingMinor: 600, days31To60Minor: 600 });
    expect(byId.get(c.praha)).toMatchObject({ currency: 'CZK', outstandingMinor: 25000, over90Minor: 25000 });

    for (const row of byId.values()) {
      expect(row.outstandingMinor).toBe(sum(BUCKETS.map((b) => row[b] as number)) - (row.creditMinor as number));
      const statement = await sys.call(clerk.key, 'GET', `/v1/customers/${row.customerId}/statement`);
      expect([row.customerId, statement.body.outstandingMinor]).toEqual([row.customerId, row.outstandingMinor]);
    }
  });

  it('pages by customer id without gaps or repeats, with totals per currency over every page', async () => {
    const paged = await walk(clerk.key, '', 3);
    const whole = (await report(clerk.key, '&limit=500')).body;
    expect(paged.map((r) => r.customerId)).toEqual(whole.items.map((r: Row) => r.customerId));
    expect(whole.next).toBeNull();

    const first = (await report(clerk.key, '&limit=3')).body;
    const last = (await report(clerk.key, `&limit=3&after=${paged.at(-2)!.customerId}`)).body;
    expect(first.totals).toEqual(whole.totals);
    expect(last.totals).toEqual(whole.totals);
    const bdt = paged.filter((r) => r.currency === 'BDT');
    const total = whole.totals.find((t: Row) => t.currency === 'BDT');
    for (const figure of ['billedMinor', 'paidMinor', 'creditMinor', 'outstandingMinor', ...BUCKETS]) {
      expect([figure, total[figure]]).toEqual([figure, sum(bdt.map((r) => r[figure] as number))]);
    }
    expect(total.customers).toBe(bdt.length);
    expect(whole.totals.map((t: Row) => t.currency)).toEqual(['BDT', 'CZK']);
  });

  it('shows the books as they stood at the end of an earlier day', async () => {
    // Yesterday no payment had been recorded yet, and the reversal had not happened either.
    const before = (await sys.call(clerk.key, 'GET', `/v1/reports/receivables?asOf=${daysAgo(1)}&limit=500`)).body;
    const aged = before.items.find((r: Row) => r.customerId === c.aged);
    expect(aged).toMatchObject({ paidMinor: 0, outstandingMinor: 15000, currentMinor: 1000, days1To30Minor: 2000, over90Minor: 5000 });
    expect(before.items.map((r: Row) => r.customerId)).not.toContain(c.prepaid);
    // Before any invoice was issued there is nothing to report.
    expect((await sys.call(clerk.key, 'GET', '/v1/reports/receivables?asOf=2025-12-31')).body).toMatchObject({ items: [], totals: [], next: null });
    const defaulted = await sys.call(clerk.key, 'GET', '/v1/reports/receivables?limit=1');
    expect(defaulted.body.asOf).toBe(localDate(new Date(), 'Asia/Dhaka'));
  });

  it("gives resellers their own customers only, and lets staff narrow to one reseller", async () => {
    const mine = (await report(resellerA.key, `&resellerId=${resellerB.id}`)).body;
    expect(mine.items.map((r: Row) => r.customerId)).toEqual([c.ofA]);
    expect(mine.totals).toEqual([expect.objectContaining({ currency: 'BDT', customers: 1, outstandingMinor: 300 })]);
    expect((await report(clerk.key, `&resellerId=${resellerB.id}`)).body.items.map((r: Row) => r.customerId)).toEqual([c.ofB]);
  });

  it('rejects malformed parameters and roles without access', async () => {
    for (const [query, field] of [['asOf=2026-02-30', 'querystring.asOf'], ['tz=Mars/Base', 'querystring.tz'], ['limit=0', 'querystring.limit'], ['after=-1', 'querystring.after']]) {
      const r = await sys.call(clerk.key, 'GET', `/v1/reports/receivables?${query}`);
      expect([query, r.status, r.body.issues?.[0]?.field]).toEqual([query, 400, field]);
    }
    const support = await sys.operatorKey('support');
    expect((await report(support.key)).status).toBe(403);
  });
});
