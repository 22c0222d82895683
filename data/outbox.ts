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

/** A job that died holding messages must not keep them forever: holds older than this are released. */
export async function releaseExpiredHolds(db: Pick<Db, '$executeRaw'>, olderThanMs: number): Promise<number> {
  return db.$executeRaw`
    update outbox set lane = ${OUTBOX_LANE.bulk}, held_for = null
     where delivered_at is null and lane = ${OUTBOX_LANE.held} and created_at < now() - make_interval(secs => ${olderThanMs / 1000})`;
}

export interface PendingSignal extends SignalMessage {
  id: bigint;
  attempts: number;
}

type Row = { id: bigint; workflow_id: string; workflow_type: string; start_args: Prisma.InputJsonValue[]; signal: string; payload: Prisma.InputJsonValue; attempts: number };

/**
 * Claims a batch of undelivered messages, `now` lane first and oldest first within a lane,
 * and lets `deliver` run while the rows stay locked, so two relays never send the same
 * message concurrently. Different workflows are sent to in parallel (up to `parallel`);
 * one workflow's messages go one after another, in the order they were recorded.
 */
export async function deliverPendingSignals(
  db: Db,
  limit: number,
  deliver: (m: PendingSignal) => Promise<void>,
  parallel = 1,
): Promise<{ delivered: number; failed: number }> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        select id, workflow_id, workflow_type, start_args, signal, payload, attempts
          from outbox where delivered_at is null and lane < ${OUTBOX_LANE.held}
         order by lane, id limit ${limit} for update skip locked`;
      const byWorkflow = new Map<string, Row[]>();
      for (const r of rows) byWorkflow.set(r.workflow_id, [...(byWorkflow.get(r.workflow_id) ?? []), r]);
      const delivered: bigint[] = [];
      const failed: Array<{ id: bigint; error: string }> = [];
      await boundedEach([...byWorkflow.values()], parallel, async (queue) => {
        for (const [i, r] of queue.entries()) {
          try {
            await deliver({ id: r.id, workflowId: r.workflow_id, workflowType: r.workflow_type, startArgs: r.start_args, signal: r.signal, payload: r.payload, attempts: r.attempts });
            delivered.push(r.id);
          } catch (err) {
            // The rest of this workflow's queue waits too, so its signals never overtake one another.
            const error = String((err as Error).message ?? err).slice(0, 500);
            for (const rest of queue.slice(i)) failed.push({ id: rest.id, error: rest === r ? error : 'waiting for an earlier message to the same workflow' });
            return;
          }
        }
      });
      if (delivered.length > 0) {
        await tx.$executeRaw`update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = any(${delivered}::bigint[])`;
      }
      if (failed.length > 0) {
        await tx.$executeRaw`
          update outbox o set attempts = attempts + 1, last_error = t.error
            from unnest(${failed.map((f) => f.id)}::bigint[], ${failed.map((f) => f.error)}::text[]) as t(id, error) where o.id = t.id`;
      }
      return { delivered: delivered.length, failed: failed.length };
    },
    { timeout: 60_000 },
  );
}
