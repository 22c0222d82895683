import { Client as PgClient } from 'pg';
import type { WorkflowHandle } from '@temporalio/client';
import { billingMonthOf } from '../../../domain/billing';
import { reconciliationWorkflowId } from '../../../services/statements/reconciliation-start';
import { runWorker, type RunningWorker } from '../../../worker/run-worker';
import type { billingRunWorkflow } from '../../../workflows/billing-run.workflow';
import type { statementReconciliationWorkflow } from '../../../workflows/statement-reconciliation.workflow';
import { spawnKillableWorker } from '../../support/killable-worker';
import { eventually, startTestSystem, type TestSystem } from '../../support/test-system';
import { testServices } from '../../support/test-services';
import { uploadStatement } from '../statements-fixtures';

const today = new Date().toISOString().slice(0, 10);
const period = billingMonthOf(today);
const RESUME_WITHIN_MS = 30_000;

// A worker process killed outright (SIGKILL) in the middle of an activity: the test holds
// one customer's row lock, so the worker is provably inside a page's (or a batch's)
// transaction when it dies. A second worker must take the work over within 30 s.
async function killMidActivity(sys: TestSystem, lockedCustomerId: number, activityType: string, progressed: () => Promise<number>) {
  const lock = new PgClient({ connectionString: sys.url });
  await lock.connect();
  await lock.query('begin');
  await lock.query('select id from customers where id = $1 for update', [lockedCustomerId]);
  const doomed = await spawnKillableWorker(sys);
  return {
    /** Waits until the doomed worker is stuck on the lock inside `activityType`, then kills it and starts a replacement. */
    async killAndReplace(handle: WorkflowHandle) {
      await eventually(async () => {
        await lock.query('select pg_stat_clear_snapshot()'); // inside a transaction the view is otherwise read once
        const { rows } = await lock.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        return rows[0].n > 0;
      }, 60_000);
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      expect(pending.map((a) => a.activityType?.name)).toContain(activityType);
      const before = await progressed();
      await doomed.kill();
      const killedAt = Date.now();
      await lock.query('rollback');
      await lock.end();
      const services = testServices();
      const replacement: RunningWorker = await runWorker({ databaseUrl: sys.url, temporalAddress: services.temporalAddress, namespace: sys.temporal.options.namespace, taskQueue: sys.taskQueue, workflowBundle: { codePath: services.bundlePath } });
      const readyAt = Date.now();
      await eventually(async () => (await progressed()) > before, RESUME_WITHIN_MS + 30_000);
      const resumedAt = Date.now();
      console.log(`${activityType}: resumed ${resumedAt - killedAt} ms after the kill, ${resumedAt - readyAt} ms after the new worker was ready`);
      expect(resumedAt - readyAt).toBeLessThan(RESUME_WITHIN_MS);
      return { replacement, before };
    },
  };
}

describe('a worker killed mid billing run', () => {
  let sys: TestSystem;
  let customers: number[];
  beforeAll(async () => {
    sys = await startTestSystem();
    const t = await sys.db.tariff.create({ data: { name: 'Home 10', serviceKind: 'internet', priceMinor: 80_000n, speedProfile: '10M/10M', throttledProfile: '1M/1M' } });
    await sys.db.customer.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ username: `k${i}`, name: `K ${i}`, paymentReference: String(700000 + i) })) });
    customers = (await sys.db.customer.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
    await sys.db.subscription.createMany({ data: customers.map((customerId) => ({ customerId, tariffId: t.id, startsOn: new Date('2026-02-01') })) });
    await sys.worker.stop(); // only the workers this test starts and kills
  });
  afterAll(() => sys?.stop());

  it('resumes on another worker within 30 s with exactly one invoice per customer and gapless numbers', async () => {
    const fault = await killMidActivity(sys, customers[60]!, 'billCustomerPage', () => sys.db.invoice.count());
    const handle = await sys.temporal.workflow.start<typeof billingRunWorkflow>('billingRunWorkflow', {
      workflowId: `billing-run-${period}`, taskQueue: sys.taskQueue,
      args: [{ period, dryRun: false, issueDate: today, defaultPaymentTermsDays: 14, startedBy: 'test', pageSize: 4 }], // 30 pages: continues as new after 25
    });
    const { replacement, before } = await fault.killAndReplace(handle);
    try {
      expect(before).toBe(60); // pages before the locked customer's
      const result = await handle.result();
      expect(result).toMatchObject({ status: 'completed', invoices: 120, customersDone: 120, failures: [] });
      const invoices = await sys.db.invoice.findMany({ orderBy: { number: 'asc' } });
      expect(invoices.map((i) => i.customerId).sort((a, b) => a - b)).toEqual(customers);
      expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 120 }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`));
      expect(invoices.every((i) => i.signalledAt)).toBe(true);
    } finally {
      await replacement.stop();
    }
  }, 180_000);
});

describe('a worker killed mid reconciliation of a bank statement', () => {
  const CUSTOMERS = 60;
  const LINES = 300;
  let sys: TestSystem;
  let clerk: string;
  let customers: number[];
  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    await sys.db.customer.createMany({ data: Array.from({ length: CUSTOMERS }, (_, i) => ({ username: `r${i}`, name: `R ${i}`, paymentReference: String(880000 + i), currency: 'CZK' })) });
    customers = (await sys.db.customer.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
    await sys.db.invoice.createMany({
      data: customers.map((id) => ({ number: `2026-R${id}`, customerId: id, period: '2026-03', issueDate: new Date('2026-03-01'), dueDate: new Date('2026-03-15'), currency: 'CZK', netMinor: 50000n, taxMinor: 0n, totalMinor: 50000n })),
    });
    await sys.worker.stop();
  });
  afterAll(() => sys?.stop());

  it('resumes on another worker within 30 s and books every line exactly once', async () => {
    const mapping = { delimiter: ';', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true, columns: { date: 'Datum', amount: 'Objem', variableSymbol: 'VS', bankReference: 'ID' } };
    const account = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Main', account: '2900123456/2010', currency: 'CZK', csvMapping: mapping });
    const rows = Array.from({ length: LINES }, (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}.03.2026;200,00;${880000 + (i % CUSTOMERS)};L${i}`);
    const upload = await uploadStatement(sys, clerk, ['Datum;Objem;VS;ID', ...rows].join('\n'), 'march.csv', { accountId: String(account.body.id) });
    const statementId: number = upload.body.statementId;
    const matched = () => sys.db.bankTransaction.count({ where: { statementId, state: 'matched' } });
    // Lines 30-39 (the fourth batch of 10) pay customer 30, among others.
    const fault = await killMidActivity(sys, customers[30]!, 'reconcileStatementBatch', matched);
    const handle = await sys.temporal.workflow.signalWithStart<typeof statementReconciliationWorkflow, [Record<string, never>]>('statementReconciliationWorkflow', {
      workflowId: reconciliationWorkflowId(statementId), taskQueue: sys.taskQueue, args: [{ statementId, batchSize: 10 }], signal: 'reconcile', signalArgs: [{}],
    });
    const { replacement, before } = await fault.killAndReplace(handle);
    try {
      expect(before).toBe(30);
      const result = await handle.result();
      expect(result).toMatchObject({ status: 'reconciled', linesDone: LINES });
      expect(await sys.db.payment.count({ where: { statementId } })).toBe(LINES);
      const perLine = await sys.db.bankTransaction.groupBy({ by: ['paymentId'], where: { statementId }, _count: true });
      expect(perLine.every((g) => g.paymentId !== null && g._count === 1)).toBe(true);
      expect(result.summary).toMatchObject({ matched: LINES, money: { incoming: LINES * 20000, notBooked: 0 } });
    } finally {
      await replacement.stop();
    }
  }, 180_000);
});
