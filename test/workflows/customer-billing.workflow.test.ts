import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { customerBillingWorkflow } from '../../workflows/customer-billing.workflow';
import { dunningStateQuery, paymentPostedSignal } from '../../workflows/customer-billing.messages';
import { createTestWorker, createTimeSkippingEnv } from '../support/time-skipping';
import { FakeLedger } from './fake-ledger';
import { maybeRecordHistory } from '../support/histories';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('customer billing workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

  async function withWorker<T>(ledger: FakeLedger, fn: (worker: Worker, taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `wf-${Math.random().toString(36).slice(2)}`;
    const worker = await createTestWorker(env, taskQueue, ledger.activities());
    return worker.runUntil(fn(worker, taskQueue));
  }

  it('climbs the ladder to blocked over two weeks, then restores and completes on payment', async () => {
    const ledger = new FakeLedger();
    const now = (await env.currentTimeMs()) as number;
    ledger.invoices.push({ id: 1, dueDate: isoDay(now + 5 * DAY), outstandingMinor: 150_000 });
    await withWorker(ledger, async (_w, taskQueue) => {
      const handle = await env.client.workflow.start(customerBillingWorkflow, { workflowId: 'billing-customer-1', taskQueue, args: [{ customerId: 1 }] });
      const states: string[] = [];
      for (let day = 0; day < 25; day++) {
        await env.sleep(DAY);
        states.push((await handle.query(dunningStateQuery)).state);
      }
      expect(states).toEqual(expect.arrayContaining(['reminder_before_due', 'due_today', 'overdue_reminder', 'throttled', 'blocked']));
      expect(states.indexOf('blocked')).toBeGreaterThan(states.indexOf('throttled'));
      expect((await handle.query(dunningStateQuery)).network).toBe('block');

      ledger.invoices[0]!.outstandingMinor = 0;
      await handle.signal(paymentPostedSignal, { paymentId: 9 });
      const result = await handle.result();
      await maybeRecordHistory(handle, 'ladder-to-blocked-then-paid');
      expect(result.state).toBe('paid');
      expect(result.network).toBe('none');
      expect(ledger.recorded.at(-1)?.state).toBe('paid');
    });
  });
});
