import { startTestSystem, type TestSystem } from '../support/test-system';
import { newCustomer, reasonFor, unique } from './billing-admin-fixtures';

type Status = 'issued' | 'partially_paid' | 'paid' | 'void';

// Invoices, payments and allocations are inserted straight into the database: this
// file tests reading them, invoicing and payment posting are tested elsewhere.
describe('invoices read API', () => {
  let sys: TestSystem;
  let clerk: string;
  let reseller: string;
  let mine: { id: number; paymentReference: string };
  let theirs: { id: number };
  const ids: Record<string, number> = {};

  async function invoice(customerId: number, period: string, totalMinor: bigint, status: Status, lines: Array<{ description: string; net: bigint; tax: bigint; start?: string; end?: string; rate?: number }> = []): Promise<number> {
    const row = await sys.db.invoice.create({
      data: {
        number: unique(`${period}-`), customerId, period, issueDate: new Date(`${period}-01`), dueDate: new Date(`${period}-15`), currency: 'BDT',
        netMinor: totalMinor, taxMinor: 0n, totalMinor, status,
        lines: {
          create: lines.map((l, i) => ({
            position: i + 1, description: l.description, netMinor: l.net, taxMinor: l.tax, totalMinor: l.net + l.tax, taxRateBp: l.rate ?? 0,
            servicePeriodStart: l.start ? new Date(l.start) : null, servicePeriodEnd: l.end ? new Date(l.end) : null,
          })),
        },
      },
    });
    return row.id;
  }

  async function allocate(customerId: number, invoiceId: number, amounts: bigint[]): Promise<void> {
    const payment = await sys.db.payment.create({ data: { customerId, amountMinor: amounts[0]!, currency: 'BDT', method: 'cash', source: 'manual', receivedAt: new Date() } });
    await sys.db.paymentAllocation.createMany({ data: amounts.map((amountMinor) => ({ paymentId: payment.id, invoiceId, amountMinor })) });
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    reseller = (await sys.operatorKey('reseller')).key;
    mine = await newCustomer(sys, reseller, { name: 'Fatema Begum' });
    theirs = await newCustomer(sys, clerk);
    ids.mineOct = await invoice(mine.id, '2026-10', 100_000n, 'paid');
    ids.mineNov = await invoice(mine.id, '2026-11', 157_500n, 'partially_paid', [
      { description: 'Home 40 Mbps 2026-11-01 – 2026-11-15', net: 71_429n, tax: 3_571n, rate: 500, start: '2026-11-01', end: '2026-11-15' },
      { description: 'Home 60 Mbps 2026-11-16 – 2026-11-30', net: 71_429n, tax: 3_571n, rate: 500, start: '2026-11-16', end: '2026-11-30' },
      { description: 'Wi-Fi router', net: 7_500n, tax: 0n },
    ]);
    ids.theirsOct = await invoice(theirs.id, '2026-10', 80_000n, 'issued');
    ids.theirsNov = await invoice(theirs.id, '2026-11', 80_000n, 'void');
    await allocate(mine.id, ids.mineOct, [100_000n]);
    // A payment allocated, then unwound by a reversal, then a second payment.
    await allocate(mine.id, ids.mineNov, [60_000n, -60_000n]);
    await allocate(mine.id, ids.mineNov, [50_000n]);
  });
  afterAll(() => sys?.stop());

  it('lists invoices by id with paid amounts summed from allocations', async () => {
    const r = await sys.call(clerk, 'GET', '/v1/invoices');
    expect(r.status).toBe(200);
    expect(r.body.next).toBeNull();
    expect(r.body.items.map((i: any) => [i.id, i.status, i.totalMinor, i.paidMinor, i.outstandingMinor])).toEqual([
      [ids.mineOct, 'paid', 100_000, 100_000, 0],
      [ids.mineNov, 'partially_paid', 157_500, 50_000, 107_500],
      [ids.theirsOct, 'issued', 80_000, 0, 80_000],
      [ids.theirsNov, 'void', 80_000, 0, 0],
    ]);
    expect(r.body.items[0]).toMatchObject({ customerId: mine.id, period: '2026-10', issueDate: '2026-10-01', dueDate: '2026-10-15', currency: 'BDT' });
  });

  it('filters by customer, status and period, and pages by id', async () => {
    const list = async (query: string) => (await sys.call(clerk, 'GET', `/v1/invoices?${query}`)).body;
    expect((await list(`customerId=${theirs.id}`)).items.map((i: any) => i.id)).toEqual([ids.theirsOct, ids.theirsNov]);
    expect((await list('status=partially_paid')).items.map((i: any) => i.id)).toEqual([ids.mineNov]);
    expect((await list('period=2026-10')).items.map((i: any) => i.id)).toEqual([ids.mineOct, ids.theirsOct]);
    expect((await list(`period=2026-11&customerId=${mine.id}&status=paid`)).items).toEqual([]);

    const first = await list('limit=3');
    expect([first.items.length, first.next]).toEqual([3, ids.theirsOct]);
    const second = await list(`limit=3&after=${first.next}`);
    expect([second.items.map((i: any) => i.id), second.next]).toEqual([[ids.theirsNov], null]);

    for (const [query, field] of [['period=2026-13', 'querystring.period'], ['period=Nov', 'querystring.period'], ['status=overdue', 'querystring.status'], ['limit=0', 'querystring.limit']]) {
      const r = await sys.call(clerk, 'GET', `/v1/invoices?${query}`);
      expect({ query, status: r.status, reason: reasonFor(r.body, field!) }).toEqual({ query, status: 400, reason: expect.any(String) });
    }
  });

  it('shows one invoice with its lines, paid and outstanding amounts and the payment reference', async () => {
    const r = await sys.call(clerk, 'GET', `/v1/invoices/${ids.mineNov}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ids.mineNov, customerId: mine.id, customerName: 'Fatema Begum', paymentReference: mine.paymentReference, totalMinor: 157_500, paidMinor: 50_000, outstandingMinor: 107_500 });
    expect(r.body.lines).toEqual([
      { position: 1, description: 'Home 40 Mbps 2026-11-01 – 2026-11-15', servicePeriodStart: '2026-11-01', servicePeriodEnd: '2026-11-15', netMinor: 71_429, taxRateBp: 500, taxMinor: 3_571, totalMinor: 75_000, subscriptionId: null, chargeId: null },
      { position: 2, description: 'Home 60 Mbps 2026-11-16 – 2026-11-30', servicePeriodStart: '2026-11-16', servicePeriodEnd: '2026-11-30', netMinor: 71_429, taxRateBp: 500, taxMinor: 3_571, totalMinor: 75_000, subscriptionId: null, chargeId: null },
      { position: 3, description: 'Wi-Fi router', servicePeriodStart: null, servicePeriodEnd: null, netMinor: 7_500, taxRateBp: 0, taxMinor: 0, totalMinor: 7_500, subscriptionId: null, chargeId: null },
    ]);
    expect((await sys.call(clerk, 'GET', '/v1/invoices/999999')).status).toBe(404);
  });

  it("shows a reseller only their customers' invoices and 404s the rest", async () => {
    const list = await sys.call(reseller, 'GET', '/v1/invoices');
    expect(list.body.items.map((i: any) => i.id)).toEqual([ids.mineOct, ids.mineNov]);
    expect((await sys.call(reseller, 'GET', `/v1/invoices?customerId=${theirs.id}`)).body.items).toEqual([]);
    expect((await sys.call(reseller, 'GET', `/v1/invoices/${ids.mineOct}`)).status).toBe(200);
    const foreign = await sys.call(reseller, 'GET', `/v1/invoices/${ids.theirsOct}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe(`invoice ${ids.theirsOct} not found`);
  });
});
