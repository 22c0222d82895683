import type { Client } from '@temporalio/client';
import { deliverPendingSignals, type PendingSignal } from '../data/outbox';
import type { Db } from '../infra/prisma';
import { logger } from '../infra/logger';

export interface OutboxRelay {
  /** Deliver now instead of at the next tick (called right after a commit). */
  kick(): void;
  /** Runs until everything pending at call time is delivered or a pass fails. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function startOutboxRelay(deps: { db: Db; temporal: Client; taskQueue: string; intervalMs?: number; batchSize?: number }): OutboxRelay {
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
    }));
  };

  const pass = async (): Promise<number> => {
    const { delivered, failed } = await deliverPendingSignals(deps.db, deps.batchSize ?? 100, send);
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
