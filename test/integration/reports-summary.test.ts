import { localDate } from '../../domain/dunning/zoned-time';
import type { PaymentMethod, PaymentSource } from '../../prisma/generated/enums';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { newCustomer, newInvoice } from './payments-fixtures';

// The dashboard figures: invoiced and collected, month and year to date, by method and collector.
describe('the invoiced and collected summary', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let admin: { id: number; key: string };
  let reseller: { id: number; key: string };
  const c: Record<string, number> = {};

  interface Paid { method?: PaymentMethod; source?: PaymentSource; operatorId?: number | null; gateway?: string; currency?: string; reversedAt?: string }
  async function paid(customerId: number, amountMinor: number, recordedAt: string, extra: Paid = {}): Promise<void> {
    const { reversedAt, operatorId = clerk.id, ...rest } = extra;
    await sys.db.payment.create({
      data: {
        customerId, amountMinor: BigInt(amountMinor), currency: 'BDT', method: 'cash', source: 'manual', ...rest, operatorId,
        receivedAt: new Date(recordedAt), recordedAt: new Date(recordedAt), reversedAt: reversedAt ? new Date(reversedAt) : null,
      },
    });
  }

  async function summary(key: string, query: string): Promise<any> {
    const r = await sys.call(key, 'GET', `/v1/reports/summary?${query}`);
    expect(r.status).toBe(200);
    return r.body;
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    admin = await sys.operatorKey('admin', 'Admin Nusrat');
    reseller = await sys.operatorKey('reseller', 'Reseller Alpha');
    c.rahim = (await newCustomer(sys, clerk.key, { name: 'Rahim' })).id;
    c.fatema = (await newCustomer(sys, reseller.key, { name: 'Fatema' })).id;
    c.praha = (await sys.call(clerk.key, 'POST', '/v1/customers', { name: 'Praha', username: 'praha', paymentReference: '7701', currency: 'CZK' })).body.id;

    await newInvoice(sys, c.rahim, '2025-12', 8000); // last year
    await newInvoice(sys, c.rahim, '2026-01', 1000);
    await newInvoice(sys, c.rahim, '2026-03', 2000);
    await newInvoice(sys, c.rahim, '2026-04', 4000); // after the day asked about
    await newInvoice(sys, c.fatema, '2026-02', 300);
    const voided = await newInvoice(sys, c.fatema, '2026-03', 500);
    await sys.db.invoice.update({ where: { id: voided }, data: { status: 'void' } });
    await sys.db.invoice.create({
      data: { number: 'CZ-1', customerId: c.praha, period: '2026-03', issueDate: new Date('2026-03-01'), dueDate: new Date('2026-03-15'), currency: 'CZK', netMinor: 25000n, taxMinor: 0n, totalMinor: 25000n },
    });

    // Times in UTC; Dhaka is six hours ahead.
    await paid(c.rahim, 500, '2026-03-14T18:30:00Z'); // 15 March 00:30 in Dhaka
    await paid(c.rahim, 700, '2026-03-15T17:59:00Z', { method: 'bkash', operatorId: admin.id }); // 23:59
    await paid(c.rahim, 900, '2026-03-15T18:00:00Z'); // 16 March in Dhaka: after the day
    await paid(c.rahim, 1100, '2026-02-10T06:00:00Z');
    await paid(c.rahim, 10000, '2026-03-10T06:00:00Z', { reversedAt: '2026-03-12T06:00:00Z' });
    await paid(c.rahim, 50, '2026-03-11T06:00:00Z', { reversedAt: '2026-04-01T06:00:00Z' }); // still good on 15 March
    await paid(c.rahim, 30, '2025-12-31T17:59:00Z'); // 2025 in Dhaka
    await paid(c.rahim, 40, '2025-12-31T18:00:00Z'); // 1 January 2026 in Dhaka
    await paid(c.fatema, 300, '2026-03-05T06:00:00Z', { method: 'bkash', source: 'gateway', operatorId: null, gateway: 'bkash' });
    await paid(c.praha, 3000, '2026-03-03T06:00:00Z', { method: 'bank_transfer', source: 'bank_statement', operatorId: null, currency: 'CZK' });
  });
  afterAll(() => sys?.stop());

  it('adds up invoiced and collected month and year to date on the Dhaka calendar, without reversed payments', async () => {
    const s = await summary(admin.key, 'asOf=2026-03-15');
    expect([s.asOf, s.timeZone, s.month.from, s.month.to, s.year.from, s.year.to]).toEqual(['2026-03-15', 'Asia/Dhaka', '2026-03-01', '2026-03-15', '2026-01-01', '2026-03-15']);
    expect(s.month.invoiced).toEqual([{ currency: 'BDT', amountMinor: 2000, count: 1 }, { currency: 'CZK', amountMinor: 25000, count: 1 }]);
    expect(s.year.invoiced).toEqual([{ currency: 'BDT', amountMinor: 3300, count: 3 }, { currency: 'CZK', amountMinor: 25000, count: 1 }]);
    expect(s.month.collected).toEqual([{ currency: 'BDT', amountMinor: 1550, count: 4 }, { currency: 'CZK', amountMinor: 3000, count: 1 }]);
    expect(s.year.collected).toEqual([{ currency: 'BDT', amountMinor: 2690, count: 6 }, { currency: 'CZK', amountMinor: 3000, count: 1 }]);
  });

  it('splits collections by payment method and by the operator or gateway that took them', async () => {
    const s = await summary(admin.key, 'asOf=2026-03-15');
    const byMethod = (xs: any[]) => Object.fromEntries(xs.map((x) => [`${x.currency} ${x.method}`, [x.amountMinor, x.count]]));
    expect(byMethod(s.month.collectedByMethod)).toEqual({ 'BDT cash': [550, 2], 'BDT bkash': [1000, 2], 'CZK bank_transfer': [3000, 1] });
    expect(byMethod(s.year.collectedByMethod)).toEqual({ 'BDT cash': [1690, 4], 'BDT bkash': [1000, 2], 'CZK bank_transfer': [3000, 1] });
    const byWho = (xs: any[]) => Object.fromEntries(xs.map((x) => [`${x.currency} ${x.collectedBy}`, [x.operatorId, x.amountMinor]]));
    expect(byWho(s.month.collectedBy)).toEqual({ 'BDT Clerk Rina': [clerk.id, 550], 'BDT Admin Nusrat': [admin.id, 700], 'BDT bkash': [null, 300], 'CZK bank_statement': [null, 3000] });
    expect(byWho(s.year.collectedBy)['BDT Clerk Rina']).toEqual([clerk.id, 1690]);
  });

  it('equals the Customer Payments log for the same days, less reversed payments', async () => {
    const s = await summary(admin.key, 'asOf=2026-03-15');
    const log = await sys.call(admin.key, 'GET', '/v1/payments?from=2026-03-01&to=2026-03-15&limit=500');
    const kept = log.body.items.filter((p: any) => p.currency === 'BDT' && (!p.reversedAt || p.reversedAt >= '2026-03-15T18:00:00.000Z'));
    expect(kept.reduce((sum: number, p: any) => sum + p.amountMinor, 0)).toBe(s.month.collected[0].amountMinor);
  });

  it('uses the calendar of the tz given', async () => {
    const s = await summary(admin.key, 'asOf=2026-03-15&tz=UTC');
    expect(s.month.collected[0]).toEqual({ currency: 'BDT', amountMinor: 2450, count: 5 });
    expect(s.year.collected[0]).toEqual({ currency: 'BDT', amountMinor: 2450 + 1100, count: 6 });
  });

  it("shows a reseller only their customers' figures", async () => {
    const s = await summary(reseller.key, 'asOf=2026-03-15');
    expect([s.month.invoiced, s.year.invoiced]).toEqual([[], [{ currency: 'BDT', amountMinor: 300, count: 1 }]]);
    expect(s.month.collectedBy).toEqual([{ currency: 'BDT', collectedBy: 'bkash', operatorId: null, amountMinor: 300, count: 1 }]);
  });

  it('defaults to today, rejects malformed days and refuses support staff', async () => {
    const s = await summary(clerk.key, '');
    expect(s.asOf).toBe(localDate(new Date(), 'Asia/Dhaka'));
    expect(s.month.from).toBe(`${s.asOf.slice(0, 7)}-01`);
    const bad = await sys.call(clerk.key, 'GET', '/v1/reports/summary?asOf=15.3.2026');
    expect([bad.status, bad.body.issues[0].field]).toEqual([400, 'querystring.asOf']);
    const support = await sys.operatorKey('support');
    expect((await sys.call(support.key, 'GET', '/v1/reports/summary')).status).toBe(403);
  });
});
