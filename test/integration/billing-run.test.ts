import { billingMonthOf, composeInvoice } from '../../domain/billing';
import { loadBillablePage } from '../../data/billable-customers';
import { readCustomerFacts, readCustomerFactsOf } from '../../data/customer-facts';
import { DunningStateAttr } from '../../workflows/search-attributes';
import { createNotifier } from '../../notifications';
import { runWorker } from '../../worker/run-worker';
import { billingRunProgressQuery, type billingRunWorkflow } from '../../workflows/billing-run.workflow';
import { startSmtpTestServer, type SmtpTestServer } from './notifications/smtp-test-server';
import { testServices } from '../support/test-services';
import { maybeRecordHistory } from '../support/histories';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

const CUSTOMERS = 200;
const today = new Date().toISOString().slice(0, 10);
const period = billingMonthOf(today);

describe('bulk billing run', () => {
  let sys: TestSystem;
  let smtp: SmtpTestServer;
  let clerk: string;
  let chargedCustomer: number;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ user: 'u', pass: 'p' });
    sys = await startTestSystem({ notifier: createNotifier({ SMTP_URL: `smtp://u:p@127.0.0.1:${smtp.port}`, MAIL_FROM: 'billing@isp.test' }) });
    clerk = (await sys.operatorKey('billing_clerk')).key;
    const internet = await sys.db.tariff.create({ data: { name: 'Home 20 Mbps', serviceKind: 'internet', priceMinor: 105_000n, taxRateBp: 500, pricesIncludeTax: true, speedProfile: '20M/20M', throttledProfile: '1M/1M' } });
    const iptv = await sys.db.tariff.create({ data: { name: 'IPTV Basic', serviceKind: 'iptv', priceMinor: 30_000n, taxRateBp: 1500, pricesIncludeTax: false, speedProfile: '-', throttledProfile: '-' } });
    await sys.db.customer.createMany({
      data: Array.from({ length: CUSTOMERS }, (_, i) => ({ username: `cust${i}`, name: `Customer ${i}`, email: i % 4 === 0 ? `c${i}@mail.test` : null, paymentReference: String(500000 + i), billingDay: 1 })),
    });
    const customers = await sys.db.customer.findMany({ orderBy: { id: 'asc' } });
    await sys.db.subscription.createMany({ data: customers.flatMap((c, i) => [
      { customerId: c.id, tariffId: internet.id, startsOn: new Date('2026-01-01'), discountPercentBp: i % 10 === 0 ? 1000 : 0 },
      ...(i % 3 === 0 ? [{ customerId: c.id, tariffId: iptv.id, startsOn: new Date('2026-01-01') }] : []),
    ]) });
    chargedCustomer = customers[5]!.id;
    await sys.db.charge.create({ data: { customerId: chargedCustomer, kind: 'installation', description: 'Router installation', amountMinor: 150_000n } });
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.stop();
  });

  async function expectedTotals(): Promise<Map<number, number>> {
    const rows = await loadBillablePage(sys.db, period, 0, 10_000);
    return new Map(rows.map((r) => [r.customerId, composeInvoice(r, period, today, 14)!.totalMinor]));
  }

  it('previews without writing, then issues one invoice per customer, emails them, and announces them', async () => {
    const preview = await sys.call(clerk, 'POST', '/v1/billing-runs', { period, dryRun: true });
    expect(preview.status).toBe(202);
    const p = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', preview.body.progressUrl);
      return r.body.status === 'completed' ? r.body : undefined;
    }, 60_000);
    expect(p.invoices).toBe(CUSTOMERS);
    expect(Object.keys(p.byTariff).sort()).toEqual(['Home 20 Mbps', 'IPTV Basic', 'one-off charges']);
    expect(await sys.db.invoice.count()).toBe(0);

    const expected = await expectedTotals();
    const run = await sys.call(clerk, 'POST', '/v1/billing-runs', { period });
    expect(run.body.workflowId).toBe(`billing-run-${period}`);
    const done = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', run.body.progressUrl);
      return r.body.status === 'completed' ? r.body : undefined;
    }, 60_000);
    expect(done).toMatchObject({ invoices: CUSTOMERS, customersDone: CUSTOMERS, announced: CUSTOMERS, failures: [] });
    expect(done.amountMinor).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(done.byCurrency).toEqual({ BDT: done.amountMinor }); // every customer here bills in taka

    const invoices = await sys.db.invoice.findMany({ include: { lines: true }, orderBy: { number: 'asc' } });
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`));
    for (const inv of invoices) {
      expect(Number(inv.totalMinor)).toBe(expected.get(inv.customerId));
      expect(inv.lines.reduce((s, l) => s + l.totalMinor, 0n)).toBe(inv.totalMinor);
      expect(inv.signalledAt).not.toBeNull();
    }
    await eventually(async () => smtp.received.length === CUSTOMERS / 4);

    // Each customer's workflow took its first decision (wait for the reminder) from the facts
    // sent with the invoice: no activity task, and the projection in Postgres says so.
    const rows = await eventually(async () => {
      const r = await sys.db.customerDunning.findMany();
      return r.length === CUSTOMERS ? r : undefined;
    }, 60_000);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['current']));
    expect(rows.every((r) => r.lastEvent === 'invoiceIssued' && r.nextAction === 'enter reminder_before_due' && r.overdueMinor === BigInt(expected.get(r.customerId)!))).toBe(true);
    const someone = invoices[7]!.customerId;
    const history = await sys.temporal.workflow.getHandle(`billing-customer-${someone}`).fetchHistory();
    expect(history.events!.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    // Started with the search attributes of its decision: only the patch marker's upsert.
    const upserted = history.events!.flatMap((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));
    expect(upserted).toEqual(['TemporalChangeVersion']);
    expect((await sys.temporal.workflow.getHandle(`billing-customer-${someone}`).describe()).typedSearchAttributes.get(DunningStateAttr)).toBe('current');
    const status = await sys.call(clerk, 'GET', `/v1/customers/${someone}/dunning`);
    expect(status.body).toMatchObject({ running: true, state: 'current', overdueMinor: expected.get(someone), nextAction: { action: 'enter reminder_before_due' } });
    const sent = await readCustomerFactsOf(sys.db, [someone, chargedCustomer]);
    for (const id of [someone, chargedCustomer]) expect(sent.get(id)).toEqual(await readCustomerFacts(sys.db, id));
    expect(smtp.received[0]!.raw).toMatch(/Payment reference|variable symbol/i);

    // Running the same month again issues nothing new and sends nothing new.
    const again = await sys.call(clerk, 'POST', '/v1/billing-runs', { period });
    const second = await eventually(async () => {
      const r = await sys.temporal.workflow.getHandle(again.body.workflowId).describe();
      return r.status.name === 'COMPLETED' ? r : undefined;
    }, 60_000);
    expect(second).toBeTruthy();
    expect(await sys.db.invoice.count()).toBe(CUSTOMERS);
    expect(smtp.received.length).toBe(CUSTOMERS / 4);
  });

  it('answers 400 for a malformed or too-distant period and writes nothing', async () => {
    for (const bad of ['2026-13', 'December', '2099-01']) {
      const r = await sys.call(clerk, 'POST', '/v1/billing-runs', { period: bad });
      expect(r.status).toBe(400);
      expect(r.body.issues[0].field).toBe('body.period');
    }
  });
});

describe('a billing run whose worker dies mid-run', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem();
    const t = await sys.db.tariff.create({ data: { name: 'Home 10', serviceKind: 'internet', priceMinor: 80_000n, speedProfile: '10M/10M', throttledProfile: '1M/1M' } });
    await sys.db.customer.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ username: `k${i}`, name: `K ${i}`, paymentReference: String(700000 + i) })) });
    const cs = await sys.db.customer.findMany();
    await sys.db.subscription.createMany({ data: cs.map((c) => ({ customerId: c.id, tariffId: t.id, startsOn: new Date('2026-02-01') })) });
  });
  afterAll(() => sys?.stop());

  it('finishes after a restart with exactly one invoice per customer and gapless numbers', async () => {
    const handle = await sys.temporal.workflow.start<typeof billingRunWorkflow>('billingRunWorkflow', {
      workflowId: `billing-run-${period}`, taskQueue: sys.taskQueue,
      args: [{ period, dryRun: false, issueDate: today, defaultPaymentTermsDays: 14, startedBy: 'test', pageSize: 4 }], // 30 pages: continues as new after 25
    });
    await eventually(async () => (await sys.db.invoice.count()) >= 20, 30_000);
    await sys.worker.stop(); // the worker dies mid-run
    const before = await sys.db.invoice.count();
    expect(before).toBeLessThan(120);
    const services = testServices();
    const replacement = await runWorker({ databaseUrl: sys.url, temporalAddress: services.temporalAddress, namespace: sys.temporal.options.namespace, taskQueue: sys.taskQueue, workflowBundle: { codePath: services.bundlePath } });
    try {
      const result = await handle.result();
      expect(result.status).toBe('completed');
      const invoices = await sys.db.invoice.findMany({ orderBy: { number: 'asc' } });
      expect(invoices).toHaveLength(120);
      expect(new Set(invoices.map((i) => i.customerId)).size).toBe(120);
      expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 120 }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`));
      expect(invoices.every((i) => i.totalMinor === 80_000n && i.signalledAt)).toBe(true);
      expect((await handle.query(billingRunProgressQuery))?.invoices).toBe(120);
      // The first run: pages billed ahead of their announcements, up to its continue-as-new.
      await maybeRecordHistory(sys.temporal.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId), 'billing-run-pipelined-resumed-after-worker-death');
    } finally {
      await replacement.stop();
    }
  });
});
