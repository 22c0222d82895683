import { billingMonthOf, composeInvoice } from '../../domain/billing';
import { loadBillablePage } from '../../data/billable-customers';
import type { billingRunWorkflow } from '../../workflows/billing-run.workflow';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

const today = new Date().toISOString().slice(0, 10);
const period = billingMonthOf(today);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// One real billing run over customers in credit and customers whose data cannot be
// invoiced, in pages of 4 so that every bad customer shares its page with good ones.
describe('a billing run over customers in credit and customers that cannot be invoiced', () => {
  let sys: TestSystem;
  let clerk: string;
  const ids: Record<'overpaid' | 'partlyPaid' | 'hugeCharges' | 'periodBilledElsewhere', number> = {} as never;
  let everyone: number[];

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    const tariff = await sys.db.tariff.create({ data: { name: 'Home 10', serviceKind: 'internet', priceMinor: 80_000n, speedProfile: '10M/10M', throttledProfile: '1M/1M' } });
    await sys.db.customer.createMany({ data: Array.from({ length: 14 }, (_, i) => ({ username: `f${i}`, name: `F ${i}`, paymentReference: String(610000 + i) })) });
    everyone = (await sys.db.customer.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
    await sys.db.subscription.createMany({ data: everyone.map((customerId) => ({ customerId, tariffId: tariff.id, startsOn: new Date('2026-01-01') })) });
    [ids.overpaid, ids.partlyPaid, ids.hugeCharges, ids.periodBilledElsewhere] = [everyone[1]!, everyone[2]!, everyone[5]!, everyone[9]!];
    await sys.db.charge.create({ data: { customerId: ids.overpaid, kind: 'installation', description: 'Router installation', amountMinor: 150_000n } });
    for (const [customerId, amountMinor] of [[ids.overpaid, 500_000], [ids.partlyPaid, 30_000]] as const) {
      const paid = await sys.call(clerk, 'POST', '/v1/payments', { customerId, amountMinor, currency: 'BDT', method: 'cash' });
      expect(paid.status).toBe(201);
    }
    // Two charges of 2^53−1: their sum is past what composing an invoice can add exactly.
    await sys.db.charge.createMany({ data: [1, 2].map((n) => ({ customerId: ids.hugeCharges, kind: 'other' as const, description: `Charge ${n}`, amountMinor: MAX_SAFE })) });
    // This month's service of one subscription is already on an invoice of another period:
    // its new line breaks the (subscription, period start) key when it is written.
    const sub = await sys.db.subscription.findFirstOrThrow({ where: { customerId: ids.periodBilledElsewhere } });
    await sys.db.invoice.create({ data: {
      number: 'MANUAL-1', customerId: ids.periodBilledElsewhere, period: 'manual', issueDate: new Date(today), dueDate: new Date(today), currency: 'BDT', netMinor: 1n, taxMinor: 0n, totalMinor: 1n,
      lines: { create: [{ position: 1, subscriptionId: sub.id, description: 'by hand', servicePeriodStart: new Date(`${period}-01`), netMinor: 1n, taxRateBp: 0, taxMinor: 0n, totalMinor: 1n }] },
    } });
  });
  afterAll(() => sys?.stop());

  it('invoices every other customer, applies credit, and names each failed customer with its reason', async () => {
    const expected = new Map((await loadBillablePage(sys.db, period, 0, 100)).filter((r) => r.customerId !== ids.hugeCharges).map((r) => [r.customerId, composeInvoice(r, period, today, 14)!.totalMinor]));
    const handle = await sys.temporal.workflow.start<typeof billingRunWorkflow>('billingRunWorkflow', {
      workflowId: `billing-run-${period}`, taskQueue: sys.taskQueue,
      args: [{ period, dryRun: false, issueDate: today, defaultPaymentTermsDays: 14, startedBy: 'test', pageSize: 4 }],
    });
    const result = await Promise.race([handle.result(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the run stalled')), 45_000))]);

    expect(result).toMatchObject({ status: 'completed', customersDone: everyone.length, invoices: everyone.length - 2, customersFailed: 2 });
    const failures = new Map(result.failures.map((f) => [f.customerId, f.reason]));
    expect([...failures.keys()].sort((a, b) => a - b)).toEqual([ids.hugeCharges, ids.periodBilledElsewhere]);
    expect(failures.get(ids.hugeCharges)).toMatch(/whole number|safe|exceed/i);
    expect(failures.get(ids.periodBilledElsewhere)).toMatch(/^invoice could not be written: .*(unique|subscription_id)/i);

    const invoices = await sys.db.invoice.findMany({ where: { period }, include: { lines: true, allocations: true }, orderBy: { number: 'asc' } });
    expect(invoices.map((i) => i.customerId).sort((a, b) => a - b)).toEqual(everyone.filter((id) => !failures.has(id)));
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: invoices.length }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`));
    for (const inv of invoices) expect(Number(inv.totalMinor)).toBe(expected.get(inv.customerId));

    // Credit paid the new invoices: in full for the overpaid customer, in part for the other.
    const overpaid = invoices.find((i) => i.customerId === ids.overpaid)!;
    expect(overpaid.totalMinor).toBe(230_000n);
    expect(overpaid).toMatchObject({ status: 'paid' });
    expect(overpaid.allocations.map((a) => a.amountMinor)).toEqual([230_000n]);
    const partly = invoices.find((i) => i.customerId === ids.partlyPaid)!;
    expect(partly).toMatchObject({ status: 'partially_paid' });
    expect(partly.allocations.map((a) => a.amountMinor)).toEqual([30_000n]);
    expect(await sys.db.auditLog.count({ where: { action: 'credit.applied' } })).toBe(2);
    const statement = await sys.call(clerk, 'GET', `/v1/customers/${ids.overpaid}/statement`);
    expect(JSON.stringify(statement.body)).toMatch(/270000/); // 500 000 paid − 230 000 invoiced, still in credit

    // What the clerk sees: the run finished, with the two customers and why.
    const progress = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', `/v1/billing-runs/billing-run-${period}`);
      return r.body.status === 'completed' ? r.body : undefined;
    });
    expect(progress).toMatchObject({ customersFailed: 2, failures: result.failures });
  });
});
