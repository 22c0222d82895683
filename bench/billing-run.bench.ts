import { performance } from 'node:perf_hooks';
import { Client, Connection, WorkflowIdConflictPolicy } from '@temporalio/client';
import { Worker, NativeConnection } from '@temporalio/worker';
import { billingMonthOf } from '../domain/billing';
import { boundedEach } from '../infra/bounded-each';
import { followWorkflow } from '../infra/follow-workflow';
import { createPrisma } from '../infra/prisma';
import { runWorker } from '../worker/run-worker';
import type { BillingRunProgress, billingRunWorkflow } from '../workflows/billing-run.workflow';
import { startBenchEnv } from './bench-env';
import { activityPhases } from './activity-phases';
import { round } from './bench-log';
import { timedCopyInto } from './copy-baseline';
import { progressBar } from '../cli/progress-bar';
import { seedBillingBench } from './seed-billing';

const CONCURRENCY = 20;

// npm run bench -- billing-run --customers N
export async function billingRunBench(customers: number): Promise<Record<string, number>> {
  const env = await startBenchEnv();
  const db = createPrisma(env.databaseUrl);
  const taskQueue = 'bench-billing';
  const worker = await runWorker({ databaseUrl: env.databaseUrl, temporalAddress: env.temporalAddress, namespace: 'default', taskQueue });
  const connection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection });
  try {
    await seedBillingBench(db, customers);
    const today = new Date().toISOString().slice(0, 10);
    const period = billingMonthOf(today);
    const runOnce = async (id: string) => {
      const handle = await temporal.workflow.start<typeof billingRunWorkflow>('billingRunWorkflow', {
        workflowId: id, taskQueue, workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        args: [{ period, dryRun: false, issueDate: today, defaultPaymentTermsDays: 14, startedBy: 'bench', pageSize: 1000, signalConcurrency: CONCURRENCY }],
      });
      const result = await followWorkflow<BillingRunProgress, BillingRunProgress>(handle, 'progress', (p) => progressBar('billing', p.customersDone, p.customersTotal), 500);
      return { ...result, phases: await activityPhases(handle) };
    };
    // The trivial baseline brackets our run on the same server: before it, and again once
    // every customer's workflow has taken its first decision. The dev server slows as it
    // holds more workflows and the shared machine's speed drifts; the mean of the two
    // cancels what changes steadily during the run instead of charging it to one side.
    const trivialBefore = await trivialSignalRun(env.temporalAddress, temporal, customers, 'before');
    const t0 = performance.now();
    const first = await runOnce(`billing-run-${period}`);
    const seconds = (performance.now() - t0) / 1000;
    await untilEveryCustomerDecided(db, first.invoices);
    const settledSeconds = (performance.now() - t0) / 1000;
    const trivialAfter = await trivialSignalRun(env.temporalAddress, temporal, customers, 'after');
    const trivialSeconds = (trivialBefore + trivialAfter) / 2;
    const trivialSignalsPerSecond = customers / trivialSeconds;
    const [{ lines }] = (await db.$queryRaw<Array<{ lines: bigint }>>`select count(*)::bigint as lines from invoice_lines`).map((r) => ({ lines: Number(r.lines) }));
    // Over the whole run (signalled_at is written per batch, too coarse to time the phase).
    const ourSignalsPerSecond = first.announced / seconds;

    const before = await db.invoice.count();
    await runOnce(`billing-run-${period}-rerun`);
    const rerunNewInvoices = (await db.invoice.count()) - before;

    // Raw COPY of the same invoice and line rows into copies of the same tables.
    const copySeconds = await timedCopyInto(env.databaseUrl, { invoices: 'select * from invoices', invoice_lines: 'select * from invoice_lines' });
    // The slower baseline phase: writing the rows by COPY, or signalling as many trivial workflows.
    const slowerBaselineSeconds = Math.max(copySeconds, (trivialSeconds * first.invoices) / customers);
    const result = {
      customers, invoices: first.invoices, lines, seconds: round(seconds, 3), copySeconds: round(copySeconds, 3),
      trivialSignalsPerSecond: round(trivialSignalsPerSecond, 3), ourSignalsPerSecond: round(ourSignalsPerSecond, 3), rerunNewInvoices,
      trivialBeforePerSecond: round(customers / trivialBefore, 3), trivialAfterPerSecond: round(customers / trivialAfter, 3),
      billSeconds: first.phases.billCustomerPage ?? 0, announceSeconds: first.phases.announceIssuedInvoices ?? 0, settledSeconds: round(settledSeconds, 3),
      ratioToSlowerBaseline: round(seconds / slowerBaselineSeconds, 3),
    };
    // Printed before teardown: a gRPC retry still pending when connections close can end the process.
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await connection.close();
    await worker.stop();
    await db.$disconnect();
    await env.stop();
  }
}

/** Waits until each invoiced customer's workflow has recorded its first decision. */
async function untilEveryCustomerDecided(db: ReturnType<typeof createPrisma>, customers: number): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  while ((await db.customerDunning.count()) < customers) {
    if (Date.now() > deadline) throw new Error('customers\' workflows did not all decide within 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Seconds to signalWithStart `count` trivial workflows, same server and concurrency. Each
 * measurement has its own task queue, so no leftover task of one is worked off in another.
 */
async function trivialSignalRun(address: string, temporal: Client, count: number, label: string): Promise<number> {
  const taskQueue = `bench-trivial-${label}`;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('./trivial.workflow') });
  return worker.runUntil(async () => {
    const t0 = performance.now();
    await boundedEach(Array.from({ length: count }, (_, i) => i), CONCURRENCY, async (i) => {
      await temporal.workflow.signalWithStart('trivialWorkflow', { workflowId: `trivial-${label}-${i}`, taskQueue, args: [], signal: 'poke', signalArgs: [i] });
    });
    return (performance.now() - t0) / 1000;
  }).finally(() => connection.close());
}
