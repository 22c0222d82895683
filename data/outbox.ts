import type { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';

export interface SignalMessage {
  workflowId: string;
  workflowType: string;
  startArgs: Prisma.InputJsonValue[];
  signal: string;
  payload: Prisma.InputJsonValue;
}

type Tx = Pick<Prisma.TransactionClient, 'outboxMessage'>;

/**
 * Records a signal in the same transaction as the fact it announces, so it is
 * delivered (at least once) even if Temporal is down at commit time.
 */
export async function enqueueSignal(tx: Tx, message: SignalMessage): Promise<void> {
  await tx.outboxMessage.create({ data: { ...message, startArgs: message.startArgs as Prisma.InputJsonValue } });
}

export interface PendingSignal extends SignalMessage {
  id: bigint;
  attempts: number;
}

/**
 * Claims a batch of undelivered messages, oldest first, and lets `deliver` run while
 * the rows stay locked, so two relays never send the same message concurrently.
 */
export async function deliverPendingSignals(db: Db, limit: number, deliver: (m: PendingSignal) => Promise<void>): Promise<{ delivered: number; failed: number }> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint; workflow_id: string; workflow_type: string; start_args: Prisma.InputJsonValue[]; signal: string; payload: Prisma.InputJsonValue; attempts: number }>>`
        select id, workflow_id, workflow_type, start_args, signal, payload, attempts
          from outbox where delivered_at is null
         order by id limit ${limit} for update skip locked`;
      let delivered = 0;
      let failed = 0;
      for (const r of rows) {
        try {
          await deliver({ id: r.id, workflowId: r.workflow_id, workflowType: r.workflow_type, startArgs: r.start_args, signal: r.signal, payload: r.payload, attempts: r.attempts });
          await tx.$executeRaw`update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = ${r.id}`;
          delivered++;
        } catch (err) {
          await tx.$executeRaw`update outbox set attempts = attempts + 1, last_error = ${String((err as Error).message ?? err).slice(0, 500)} where id = ${r.id}`;
          failed++;
        }
      }
      return { delivered, failed };
    },
    { timeout: 60_000 },
  );
}
