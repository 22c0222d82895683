import { billingMonthOf } from '../../domain/billing';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

const PER_CURRENCY = 30;
const today = new Date().toISOString().slice(0, 10);
const period = billingMonthOf(today);

describe('a billing run of taka and koruna customers', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    const bdt = await sys.db.tariff.create({ data: { name: 'Home 20 Mbps', serviceKind: 'internet', priceMinor: 105_000n, currency: 'BDT', speedProfile: '20M/20M', throttledProfile: '1M/1M' } });
    const czk = await sys.db.tariff.create({ data: { name: 'Domov 100', serviceKind: 'internet', priceMinor: 49_900n, currency: 'CZK', speedProfile: '100M/100M', throttledProfile: '1M/1M' } });
    await sys.db.customer.createMany({ data: Array.from({ length: 2 * PER_CURRENCY }, (_, i) => ({ username: `mix${i}`, name: `Mix ${i}`, paymentReference: String(800000 + i), currency: i % 2 ? 'CZK' : 'BDT' })) });
    const customers = await sys.db.customer.findMany({ orderBy: { id: 'asc' } });
    await sys.db.subscription.createMany({ data: customers.map((c) => ({ customerId: c.id, tariffId: c.currency === 'CZK' ? czk.id : bdt.id, startsOn: new Date('2026-01-01') })) });
    const [firstBdt, firstCzk] = [customers.find((c) => c.currency === 'BDT')!, customers.find((c) => c.currency === 'CZK')!];
    await sys.db.charge.createMany({ data: [
      { customerId: firstBdt.id, kind: 'installation', description: 'Router installation', amountMinor: 150_000n },
      { customerId: firstCzk.id, kind: 'installation', description: 'Instalace', amountMinor: 99_000n },
    ] });
  });
  afterAll(() => sys?.stop());

  async function totalsInPostgres(): Promise<Record<string, number>> {
    const rows = await sys.db.invoice.groupBy({ by: ['currency'], _sum: { totalMinor: true } });
    return Object.fromEntries(rows.map((r) => [r.currency, Number(r._sum.totalMinor)]));
  }

  async function completedPage(url: string) {
    return eventually(async () => {
      const r = await sys.call(clerk, 'GET', url);
      return r.body.status === 'completed' ? r.body : undefined;
    }, 60_000);
  }

  it('shows totals per currency and per tariff in its currency, never one sum, moving page by page', async () => {
    const run = await sys.call(clerk, 'POST', '/v1/billing-runs', { period });
    const page = await completedPage(run.body.progressUrl);
    expect(page.invoices).toBe(2 * PER_CURRENCY);
    expect(page.byCurrency).toEqual(await totalsInPostgres());
    expect(page.byCurrency).toEqual({ BDT: PER_CURRENCY * 105_000 + 150_000, CZK: PER_CURRENCY * 49_900 + 99_000 });
    expect(page).not.toHaveProperty('amountMinor');
    expect(page.byTariff).toEqual({
      'Home 20 Mbps (BDT)': { tariff: 'Home 20 Mbps', currency: 'BDT', lines: PER_CURRENCY, amountMinor: PER_CURRENCY * 105_000 },
      'Domov 100 (CZK)': { tariff: 'Domov 100', currency: 'CZK', lines: PER_CURRENCY, amountMinor: PER_CURRENCY * 49_900 },
      'one-off charges (BDT)': { tariff: 'one-off charges', currency: 'BDT', lines: 1, amountMinor: 150_000 },
      'one-off charges (CZK)': { tariff: 'one-off charges', currency: 'CZK', lines: 1, amountMinor: 99_000 },
    });
    // 60 customers are billed in pages of 25: the progress a poller sees moves three times.
    const history = await sys.temporal.workflow.getHandle(run.body.workflowId).fetchHistory();
    const pages = history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'billCustomerPage');
    expect(pages).toHaveLength(3);
  });

  it('after a re-run of the period still shows the invoices the period issued and their totals', async () => {
    const first = await sys.temporal.workflow.getHandle(`billing-run-${period}`).describe();
    const again = await sys.call(clerk, 'POST', '/v1/billing-runs', { period });
    expect(again.body.workflowId).toBe(`billing-run-${period}`);
    await eventually(async () => {
      const d = await sys.temporal.workflow.getHandle(again.body.workflowId).describe();
      return d.runId !== first.runId && d.status.name === 'COMPLETED';
    }, 60_000);
    const page = await completedPage(again.body.progressUrl);
    expect(page).toMatchObject({ invoices: 2 * PER_CURRENCY, lines: 2 * PER_CURRENCY + 2, alreadyInvoiced: 2 * PER_CURRENCY });
    expect(page.byCurrency).toEqual(await totalsInPostgres());
    expect(Object.keys(page.byTariff).sort()).toEqual(['Domov 100 (CZK)', 'Home 20 Mbps (BDT)', 'one-off charges (BDT)', 'one-off charges (CZK)']);
    expect(await sys.db.invoice.count()).toBe(2 * PER_CURRENCY);
  });
});
