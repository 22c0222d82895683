import type { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import { boundedEach } from '../infra/bounded-each';

export interface SignalMessage {
  workflowId: string;
  workflowType: string;
  startArgs: Prisma.InputJsonValue[];
  signal: string;
  payload: Prisma.InputJsonValue;
}

/**
 * The relay sends `now` messages (one customer's fact, a job's start) before `bulk` ones,
 * so a payment made at the counter is not queued behind a 100,000-line statement.
 * `held` messages wait until their job releases them (or the hold expires).
 */
export const OUTBOX_LANE = { now: 0, bulk: 1, held: 2 } as const;

type Tx = Pick<Prisma.TransactionClient, 'outboxMessage'>;

/**
 * Records a signal in the same transaction as the fact it announces, so it is
 * delivered (at least once) even if Temporal is down at commit time.
 */
export async function enqueueSignal(tx: Tx, message: SignalMessage): Promise<void> {
  await tx.outboxMessage.create({ data: { ...message, startArgs: message.startArgs as Prisma.InputJsonValue } });
}

/**
 * Lets the signals held for a job go out: customers whose line is throttled or blocked
 * right now first (their line comes back first), everyone else behind them.
 */
export async function releaseHeldSignals(db: Pick<Db, '$executeRaw'>, heldFor: string): Promise<number> {
  return db.$executeRaw`
    update outbox o
       set held_for = null,
           lane = (case when d.network is not null and d.network <> 'none' then ${OUTBOX_LANE.now}::int else ${OUTBOX_LANE.bulk}::int end)::smallint
      from outbox h left join customer_dunning d on d.customer_id = (h.start_args -> 0 ->> 'customerId')::int
     where h.id = o.id and o.held_for = ${heldFor} and o.delivered_at is null`;
}

/**
 * A job holds messages while it keeps adding to them; one that has added nothing for
 * `idleMs` has died, and what it held goes out anyway.
 */
export async function releaseAbandonedHolds(db: Pick<Db, '$executeRaw' | '$queryRaw'>, idleMs: number): Promise<number> {
  const abandoned = await db.$queryRaw<Array<{ held_for: string }>>`
    select held_for from outbox where delivered_at is null and lane = ${OUTBOX_LANE.held}
     group by held_for having max(created_at) < now() - make_interval(secs => ${idleMs / 1000})`;
  let released = 0;
  for (const { held_for } of abandoned) released += await releaseHeldSignals(db, held_for);
  return released;
}

/** Deletes up to `limit` messages delivered more than `days` ago, oldest first; returns how many. */
export async function deleteDeliveredOlderThan(db: Pick<Db, '$executeRaw'>, days: number, limit = 10_000): Promise<number> {
  return db.$executeRaw`
    delete from outbox where id in (
      select id from outbox where delivered_at < now() - make_interval(days => ${days}::int) order by id limit ${limit})`;
}

export interface PendingSignal extends SignalMessage {
  id: bigint;
  attempts: number;
}

type Row = { id: bigint; workflow_id: string; workflow_type: string; start_args: Prisma.InputJsonValue[]; signal: string; payload: Prisma.InputJsonValue; attempts: number };

/** Seconds to wait after a message's `attempts`-th failed delivery: 1, 2, 4 … up to 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.min(Math.max(attempts - 1, 0), 9));
}

// Any two relays (one per worker process) would interleave one workflow's messages; one at a time sends them.
// The two-int lock form keeps clear of the single-bigint locks external keys take.
const RELAY_LOCK = [0x5e77, 1] as const;

export interface DeliveryOptions {
  /** Workflows sent to at once; one workflow's messages always go one after another. */
  parallel?: number;
  /** No new send starts after this long, so the pass commits well inside its transaction's time limit. */
  budgetMs?: number;
}

/**
 * Claims a batch of undelivered messages, `now` lane first and oldest first within a lane,
 * and lets `deliver` run while the rows stay locked. Within a lane one workflow hears its
 * messages in the order they were recorded: a failed message is retried with backoff, and
 * that workflow's later messages wait behind it. (Across lanes a customer's own fact may
 * overtake a statement's bulk signal; both only tell the workflow to re-read Postgres.)
 */
export async function deliverPendingSignals(
  db: Db,
  limit: number,
  deliver: (m: PendingSignal) => Promise<void>,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  return db.$transaction(
    async (tx) => {
      const [{ relay }] = await tx.$queryRaw<Array<{ relay: boolean }>>`select pg_try_advisory_xact_lock(${RELAY_LOCK[0]}::int, ${RELAY_LOCK[1]}::int) as relay`;
      if (!relay) return { delivered: 0, failed: 0 };
      const rows = await tx.$queryRaw<Row[]>`
        select id, workflow_id, workflow_type, start_args, signal, payload, attempts
          from outbox o
         where delivered_at is null and lane < ${OUTBOX_LANE.held} and (retry_at is null or retry_at <= now())
           and not exists (select 1 from outbox e where e.workflow_id = o.workflow_id and e.delivered_at is null and e.retry_at > now() and e.id < o.id)
         order by lane, id limit ${limit} for update skip locked`;
      const byWorkflow = new Map<string, Row[]>();
      for (const r of rows) byWorkflow.set(r.workflow_id, [...(byWorkflow.get(r.workflow_id) ?? []), r]);
      const delivered: bigint[] = [];
      const failed: Array<{ id: bigint; error: string; attempted: boolean; delay: number }> = [];
      await boundedEach([...byWorkflow.values()], options.parallel ?? 1, async (queue) => {
        for (const [i, r] of queue.entries()) {
          if (Date.now() > deadline) return; // left as they were, for the next pass
          try {
            await deliver({ id: r.id, workflowId: r.workflow_id, workflowType: r.workflow_type, startArgs: r.start_args, signal: r.signal, payload: r.payload, attempts: r.attempts });
            delivered.push(r.id);
          } catch (err) {
            const error = String((err as Error).message ?? err).slice(0, 500);
            const delay = retryDelaySeconds(r.attempts + 1);
            for (const rest of queue.slice(i)) {
              const attempted = rest === r;
              failed.push({ id: rest.id, attempted, delay, error: attempted ? error : 'waiting for an earlier message to the same workflow' });
            }
            return;
          }
        }
      });
      if (delivered.length > 0) {
        await tx.$executeRaw`update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null, retry_at = null where id = any(${delivered}::bigint[])`;
      }
      if (failed.length > 0) {
        await tx.$executeRaw`
          update outbox o set attempts = attempts + t.attempted::int, last_error = t.error, retry_at = clock_timestamp() + make_interval(secs => t.delay)
            from unnest(${failed.map((f) => f.id)}::bigint[], ${failed.map((f) => f.error)}::text[], ${failed.map((f) => f.attempted)}::boolean[], ${failed.map((f) => f.delay)}::int[])
                 as t(id, error, attempted, delay)
           where o.id = t.id`;
      }
      return { delivered: delivered.length, failed: failed.filter((f) => f.attempted).length };
    },
    { timeout: 60_000 },
  );
}
