import { hostname } from 'node:os';
import type { Db } from '../infra/prisma';

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker silent for this long counts as down. */
export const HEARTBEAT_STALE_MS = 20_000;

export function startHeartbeat(db: Db, taskQueue: string): { stop(): Promise<void> } {
  const workerId = `${hostname()}:${process.pid}:${taskQueue}`;
  const startedAt = new Date();
  const beat = () =>
    db.workerHeartbeat
      .upsert({ where: { workerId }, create: { workerId, taskQueue, startedAt, seenAt: new Date() }, update: { seenAt: new Date() } })
      .catch(() => undefined);
  const first = beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await db.workerHeartbeat.delete({ where: { workerId } }).catch(() => undefined);
    },
  };
}

export async function liveWorkers(db: Db, taskQueue: string): Promise<number> {
  return db.workerHeartbeat.count({ where: { taskQueue, seenAt: { gt: new Date(Date.now() - HEARTBEAT_STALE_MS) } } });
}
