import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { temporal as proto } from '@temporalio/proto';
import { z } from 'zod';
import type { ApiDeps } from '../deps';

type Status = 'ok' | 'down';
const StatusSchema = z.enum(['ok', 'down']);
const HealthSchema = z.object({ database: StatusSchema, temporal: StatusSchema, worker: StatusSchema });

// A worker long-polls for about a minute; a poll seen within this window means one is alive.
const POLLER_FRESH_MS = 90_000;

async function check(fn: () => Promise<boolean>, timeoutMs = 3000): Promise<Status> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return (await Promise.race([fn().catch(() => false), timeout])) ? 'ok' : 'down';
}

export function healthRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  const namespace = deps.temporal.options.namespace;
  return async (app) => {
    app.get(
      '/health',
      { schema: { hide: false, summary: 'Is every part of Settle up?', response: { 200: HealthSchema, 503: HealthSchema } } },
      async (_request, reply) => {
        const [database, temporal, worker] = await Promise.all([
          check(async () => (await deps.db.$queryRaw<unknown[]>`select 1`).length === 1),
          check(async () => !!(await deps.temporal.workflowService.getSystemInfo({}))),
          check(async () => {
            const res = await deps.temporal.workflowService.describeTaskQueue({
              namespace,
              taskQueue: { name: deps.taskQueue },
              taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
            });
            const now = Date.now();
            return res.pollers.some((p) => {
              const seconds = Number(p.lastAccessTime?.seconds ?? 0);
              return now - seconds * 1000 < POLLER_FRESH_MS;
            });
          }),
        ]);
        const body = { database, temporal, worker };
        return reply.code(Object.values(body).every((s) => s === 'ok') ? 200 : 503).send(body);
      },
    );
  };
}
