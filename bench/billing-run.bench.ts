import { performance } from 'node:perf_hooks';
import { Client, Connection, WorkflowIdConflictPolicy } from '@temporalio/client';
import { Worker, NativeConnection } from '@temporalio/worker';
import { Client as Pg } from 'pg';
import { billingMonthOf } from '../domain/billing';
import { boundedEach } from '../infra/bounded-each';
import { pollEvery } from '../infra/poll';
import { createPrisma } from '../infra/prisma';
import { runWorker } from '../worker/run-worker';
import type { billingRunWorkflow } from '../workflows/billing-run.workflow';
import { startBenchEnv } from './bench-env';
import { activityPhases } from './activity-phases';
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
      // One progress query at a time, the last one awaited: a query still in flight (or
      // waiting to retry) when the connection closes would crash the process.
      const polling = pollEvery(500, () => handle.query('progress').then((p: any) => void (p && progressBar('billing', p.customersDone, p.customersTotal))));
      try {
        return { ...(await handle.result()), phases: await activityPhases(handle) };
      } finally {
        await polling.stop();
      }
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

    const copySeconds = await copyBaseline(env.serverUrl, env.databaseUrl);
    // The slower baseline phase: writing the rows by COPY, or signalling as many trivial workflows.
    const slowerBaselineSeconds = Math.max(copySeconds, (trivialSeconds * first.invoices) / customers);
    const result = {
      customers, invoices: first.invoices, lines, seconds: round(seconds), copySeconds: round(copySeconds),
      trivialSignalsPerSecond: round(trivialSignalsPerSecond), ourSignalsPerSecond: round(ourSignalsPerSecond), rerunNewInvoices,
      trivialBeforePerSecond: round(customers / trivialBefore), trivialAfterPerSecond: round(customers / trivialAfter),
      billSeconds: first.phases.billCustomerPage ?? 0, announceSeconds: first.phases.announceIssuedInvoices ?? 0, settledSeconds: round(settledSeconds),
      ratioToSlowerBaseline: round(seconds / slowerBaselineSeconds),
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

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Raw COPY of the same invoice and line rows into copies of the same tables. */
async function copyBaseline(_serverUrl: string, databaseUrl: string): Promise<number> {
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query(`copy invoices to '/tmp/settle-bench-invoices.csv' csv`);
    await pg.query(`copy invoice_lines to '/tmp/settle-bench-lines.csv' csv`);
    await pg.query('create table copy_invoices (like invoices including all); create table copy_lines (like invoice_lines including all)');
    const t0 = performance.now();
    await pg.query('begin');
    await pg.query(`copy copy_invoices from '/tmp/settle-bench-invoices.csv' csv`);
    await pg.query(`copy copy_lines from '/tmp/settle-bench-lines.csv' csv`);
    await pg.query('commit');
    return (performance.now() - t0) / 1000;
  } finally {
    await pg.end();
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
