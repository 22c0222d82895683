import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { customerBillingWorkflow, type CustomerBillingInput } from '../../workflows/customer-billing.workflow';
import { dunningStateQuery, invoiceIssuedSignal, type DunningView, type InvoiceIssued } from '../../workflows/customer-billing.messages';
import { Worker } from '@temporalio/worker';
import { createTestWorker } from '../support/time-skipping';
import { notificationQueueOf } from '../../workflows/task-queues';
import { FakeLedger } from './fake-ledger';

export const DAY = 24 * 60 * 60 * 1000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Ladder {
  ledger: FakeLedger;
  handle: WorkflowHandleWithFirstExecutionRunId<typeof customerBillingWorkflow>;
  /** Skips time (the time-skipping server fires timers) and returns the state after. */
  advance(ms: number): Promise<DunningView>;
  state(): Promise<DunningView>;
  now(): Promise<number>;
}

let seq = 0;

/**
 * Runs `body` with a worker and one customer workflow on the time-skipping server; with
 * `announce` the workflow is started as a billing run starts it, by an invoiceIssued signal.
 */
export async function withLadder(
  env: TestWorkflowEnvironment,
  setup: (ledger: FakeLedger, now: number) => void,
  body: (l: Ladder) => Promise<void>,
  input: Partial<CustomerBillingInput> = {},
  announce?: (ledger: FakeLedger, customerId: number) => { signal: InvoiceIssued; typedSearchAttributes?: SearchAttributePair[] },
): Promise<void> {
  const ledger = new FakeLedger();
  setup(ledger, Number(await env.currentTimeMs()));
  const taskQueue = `wf-${++seq}-${Date.now()}`;
  const worker = await createTestWorker(env, taskQueue, ledger.activities());
  const notifications = await Worker.create({ connection: env.nativeConnection, taskQueue: notificationQueueOf(taskQueue), activities: ledger.activities() });
  await notifications.runUntil(() => worker.runUntil(async () => {
    const customerId = 1000 + seq;
    const options = { workflowId: `billing-customer-${customerId}`, taskQueue, args: [{ customerId, ...input }] as [CustomerBillingInput] };
    const announced = announce?.(ledger, customerId);
    const handle: Ladder['handle'] = announced
      ? await env.client.workflow.signalWithStart(customerBillingWorkflow, { ...options, typedSearchAttributes: announced.typedSearchAttributes, signal: invoiceIssuedSignal, signalArgs: [announced.signal] })
        .then((h) => Object.assign(h, { firstExecutionRunId: h.signaledRunId })) // the signal started the run
      : await env.client.workflow.start(customerBillingWorkflow, options);
    const state = () => handle.query(dunningStateQuery);
    try {
      await body({
      ledger,
      handle,
      state,
      now: async () => Number(await env.currentTimeMs()),
      advance: async (ms) => {
        await env.sleep(ms);
        return state();
      },
      });
    } finally {
      // A workflow left running without a worker would stall time skipping for later tests.
      await handle.terminate('test finished').catch(() => undefined);
    }
  }));
}
