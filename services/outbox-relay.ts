import type { Client } from '@temporalio/client';
import { deleteDeliveredOlderThan, deliverPendingSignals, releaseAbandonedHolds, type PendingSignal } from '../data/outbox';
import type { Db } from '../infra/prisma';
import { logger } from '../infra/logger';
import { startSearchAttributes } from './customer-signals';

export interface OutboxRelay {
  /** Deliver now instead of at the next tick (called right after a commit). */
  kick(): void;
  /** Runs until everything pending at call time is delivered or a pass fails. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** A reconciling statement adds held signals every few seconds; one silent this long has died. */
const HOLD_IDLE_MS = 10 * 60_000;

export function startOutboxRelay(deps: { db: Db; temporal: Client; taskQueue: string; intervalMs?: number; batchSize?: number; parallel?: number; retentionDays?: number }): OutboxRelay {
  const log = logger.child({ component: 'outbox-relay' });
  const interval = deps.intervalMs ?? 500;
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const send = async (m: PendingSignal) => {
    await deps.temporal.withDeadline(Date.now() + 5000, () => deps.temporal.workflow.signalWithStart(m.workflowType, {
      workflowId: m.workflowId,
      taskQueue: deps.taskQueue,
      args: m.startArgs,
      signal: m.signal,
      signalArgs: [m.payload],
      typedSearchAttributes: startSearchAttributes(m.workflowType, m.startArgs),
    }));
  };

  let holdsCheckedAt = 0;
  let prunedAt = 0;
  const pass = async (): Promise<number> => {
    if (Date.now() - holdsCheckedAt > 60_000) {
      holdsCheckedAt = Date.now();
      const released = await releaseAbandonedHolds(deps.db, HOLD_IDLE_MS);
      if (released > 0) log.warn({ released }, 'released signals held by a job that stopped adding to them');
    }
    if (Date.now() - prunedAt > 3_600_000) {
      prunedAt = Date.now();
      // In slices, so no single delete holds locks for long.
      let deleted = 0;
      let slice: number;
      do {
        slice = await deleteDeliveredOlderThan(deps.db, deps.retentionDays ?? 30);
        deleted += slice;
      } while (slice > 0);
      if (deleted > 0) log.info({ deleted, retentionDays: deps.retentionDays ?? 30 }, 'deleted delivered outbox messages');
    }
    const { delivered, failed } = await deliverPendingSignals(deps.db, deps.batchSize ?? 100, send, { parallel: deps.parallel ?? 8 });
    if (failed) log.warn({ failed }, 'outbox delivery failed, will retry');
    return failed ? 0 : delivered;
  };

  const loop = async () => {
    try {
      while (!stopped && (await pass()) > 0) {
        /* keep going while full batches are delivered */
      }
    } catch (err) {
      log.warn({ err }, 'outbox pass failed');
    }
  };

  const tick = () => {
    running ??= loop().finally(() => (running = undefined));
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(schedule), interval);
  };
  schedule();

  return {
    kick: () => void tick(),
    drain: async () => {
      await running;
      await tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
