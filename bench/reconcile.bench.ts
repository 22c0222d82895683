import { writeFileSync, chmodSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { Client as Pg } from 'pg';
import { progressBar } from '../cli/progress-bar';
import { createPrisma, type Db } from '../infra/prisma';
import { importStatement } from '../services/statements/import-statement.service';
import { followReconciliation } from '../services/statements/reconciliation-run';
import { runWorker } from '../worker/run-worker';
import { startBenchEnv } from './bench-env';
import { round } from './bench-log';
import { timedCopyInto } from './copy-baseline';
import { BENCH_ACCOUNT, benchStatement, CSV_MAPPING, seedOpenInvoices } from './seed-reconcile';


// npm run bench -- reconcile --lines 100000 --open-invoices 1000000 [--follow-signals]
export async function reconcileBench(lines: number, openInvoices: number, followSignals = false): Promise<void> {
  const env = await startBenchEnv();
  const db = createPrisma(env.databaseUrl);
  const taskQueue = 'bench-reconcile';
  const worker = await runWorker({ databaseUrl: env.databaseUrl, temporalAddress: env.temporalAddress, namespace: 'default', taskQueue });
  const connection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection });
  try {
    process.stderr.write(`seeding ${openInvoices} open invoices\n`);
    const customers = await seedOpenInvoices(env.databaseUrl, openInvoices);
    const statement = benchStatement(lines, customers);
    const account = await db.bankAccount.create({ data: { name: 'Bench', account: BENCH_ACCOUNT, accountKey: BENCH_ACCOUNT, currency: 'CZK', csvMapping: CSV_MAPPING } });
    const baselineSeconds = await baseline(env.databaseUrl, statement.tsv);

    const t0 = performance.now();
    const imported = await importStatement(db, { type: 'system', id: 'bench' }, { file: Buffer.from(statement.csv), fileName: 'bench.csv', bankAccountId: account.id });
    const t1 = performance.now();
    const result = await followReconciliation(temporal, taskQueue, imported.statementId, (p) => progressBar('matching', p.linesDone, p.linesTotal));
    const t2 = performance.now();
    const summary = result.summary!;
    // Customers' workflows hear of their payments through the outbox, in the background.
    const signalsPendingAtEnd = await db.outboxMessage.count({ where: { deliveredAt: null } });
    const signalsSeconds = followSignals ? await untilSignalsDelivered(db, signalsPendingAtEnd) : undefined;
    // The join baseline books nothing: this one is a raw COPY of the rows our run booked.
    const bookingBaselineSeconds = await timedCopyInto(env.databaseUrl, bookedRows(imported.statementId));
    const out = {
      lines, openInvoices, seconds: round((t2 - t0) / 1000, 3), stageSeconds: round((t1 - t0) / 1000, 3), reconcileSeconds: round((t2 - t1) / 1000, 3), matchSeconds: round((result.matchMs ?? 0) / 1000, 3),
      baselineSeconds: round(baselineSeconds, 3), matched: summary.matched, exceptions: summary.exceptions, signalsPendingAtEnd,
      ratioToBaseline: round((t2 - t0) / 1000 / baselineSeconds, 3),
      bookingBaselineSeconds: round(bookingBaselineSeconds, 3),
      ratioToBaselineWithBooking: round((t2 - t0) / 1000 / (baselineSeconds + bookingBaselineSeconds), 3),
      ...(signalsSeconds === undefined ? {} : { signalsSeconds: round(signalsSeconds, 3), signalsPerSecond: round(signalsPendingAtEnd / signalsSeconds, 1) }),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await connection.close();
    await worker.stop();
    await db.$disconnect();
    await env.stop();
  }
}

/** Seconds until the relay has told every paid customer's workflow (each one started by its signal). */
async function untilSignalsDelivered(db: Db, pending: number): Promise<number> {
  const t0 = performance.now();
  for (let left = pending; left > 0; ) {
    await sleep(1000);
    left = await db.outboxMessage.count({ where: { deliveredAt: null } });
    progressBar('signals', pending - left, pending);
  }
  return (performance.now() - t0) / 1000;
}

/** COPY of the same rows into a staging table, then one hand-written join on reference and amount. */
async function baseline(databaseUrl: string, tsv: string): Promise<number> {
  const file = '/tmp/settle-bench-statement.tsv';
  writeFileSync(file, tsv);
  chmodSync(file, 0o644);
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('create table bench_stage (line_no int, booking_date date, amount_minor bigint, vs text, counter_account text, counter_name text, message text, bank_ref text)');
    const t0 = performance.now();
    await pg.query(`copy bench_stage from '${file}'`);
    await pg.query(`select count(*), sum(s.amount_minor)
                      from bench_stage s
                      join customers c on c.payment_reference = s.vs
                      join invoices i on i.customer_id = c.id and i.status in ('issued', 'partially_paid') and i.total_minor = s.amount_minor`);
    return (performance.now() - t0) / 1000;
  } finally {
    await pg.end();
  }
}

/** What booking a statement writes: its payments, their allocations, audit rows and outbox signals. */
function bookedRows(statementId: number): Record<string, string> {
  return {
    payments: `select * from payments where statement_id = ${statementId}`,
    payment_allocations: `select a.* from payment_allocations a join payments p on p.id = a.payment_id where p.statement_id = ${statementId}`,
    audit_log: `select * from audit_log where action = 'payment.recorded' and actor_id = 'statement-reconciliation'`,
    outbox: `select * from outbox where signal = 'paymentPosted'`,
  };
}
