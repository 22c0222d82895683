import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { liveWorkers } from '../../data/worker-heartbeat';
import { z } from 'zod';
import type { ApiDeps } from '../deps';

type Status = 'ok' | 'down';
const StatusSchema = z.enum(['ok', 'down']);
const HealthSchema = z.object({ database: StatusSchema, temporal: StatusSchema, worker: StatusSchema });


async function check(fn: () => Promise<boolean>, timeoutMs = 3000): Promise<Status> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return (await Promise.race([fn().catch(() => false), timeout])) ? 'ok' : 'down';
}

export function healthRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { schema: { hide: false, summary: 'Is every part of Settle up?', response: { 200: HealthSchema, 503: HealthSchema } } },
      async (_request, reply) => {
        const [database, temporal, worker] = await Promise.all([
          check(async () => (await deps.db.$queryRaw<unknown[]>`select 1`).length === 1),
          check(async () => !!(await deps.temporal.workflowService.getSystemInfo({}))),
          check(async () => (await liveWorkers(deps.db, deps.taskQueue)) > 0),
        ]);
        const body = { database, temporal, worker };
        return reply.code(Object.values(body).every((s) => s === 'ok') ? 200 : 503).send(body);
      },
    );
  };
}
