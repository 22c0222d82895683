import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { operatorActor } from '../../data/audit';
import { logger } from '../../infra/logger';
import { broadcastPolicyChange, currentDunningPolicy, saveDunningPolicy } from '../../services/dunning-policy.service';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';

const PolicyOut = z.object({ version: z.number(), policy: z.record(z.string(), z.unknown()) });

export function dunningPolicyRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dunning/policy', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'The dunning policy in force (version 0 = built-in default)', response: { 200: PolicyOut } },
    }, async () => {
      const { version, policy } = await currentDunningPolicy(deps.db);
      return { version, policy: policy as unknown as Record<string, unknown> };
    });

    app.put('/dunning/policy', {
      config: { roles: ['admin', 'manager'] },
      schema: {
        summary: 'Save a new policy version; running workflows re-evaluate with it',
        body: z.record(z.string(), z.unknown()),
        response: { 200: PolicyOut.extend({ signalledWorkflows: z.number() }) },
      },
    }, async (req) => {
      const saved = await saveDunningPolicy(deps.db, operatorActor(req.caller!.operatorId), req.body);
      const signalledWorkflows = await broadcastPolicyChange(deps.temporal, saved.version).catch((err) => {
        logger.warn({ err }, 'policy saved; running workflows will pick it up when they next wake');
        return 0;
      });
      return { version: saved.version, policy: saved.policy as unknown as Record<string, unknown>, signalledWorkflows };
    });
  };
}
