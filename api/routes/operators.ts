import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';
import { operatorActor } from '../../data/audit';
import { OperatorRole } from '../../prisma/generated/enums';
import { createOperator, listOperators, rotateOperatorKey, updateOperator, type OperatorView } from '../../services/operators.service';
import { atLeastOneField } from './billing-fields';

const ADMIN = ['admin'] as const;
const Name = z.string().trim().min(1, 'is required').max(100);

const OperatorOut = z.object({
  id: z.number(), name: z.string(), role: z.enum(OperatorRole), active: z.boolean(), apiKeyPrefix: z.string(), createdAt: z.string(),
});
const WithKey = OperatorOut.extend({ key: z.string().describe('the API key; shown only in this response') });

const out = (op: OperatorView) => ({ ...op, createdAt: op.createdAt.toISOString() });

export function operatorRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/operators', {
      config: { roles: ADMIN },
      schema: { summary: 'Operators (people and systems holding API keys), by id', response: { 200: z.object({ items: z.array(OperatorOut) }) } },
    }, async () => ({ items: (await listOperators(deps.db)).map(out) }));

    app.post('/operators', {
      config: { roles: ADMIN },
      schema: { summary: 'Create an operator; the response carries its API key, shown once', body: z.object({ name: Name, role: z.enum(OperatorRole) }), response: { 201: z.object({ id: z.number(), name: z.string(), role: z.enum(OperatorRole), key: z.string() }), 400: ErrorBody } },
    }, async (req, reply) => reply.code(201).send(await createOperator(deps.db, operatorActor(req.caller!.operatorId), req.body)));

    app.patch('/operators/:id', {
      config: { roles: ADMIN },
      schema: {
        summary: 'Rename, disable or re-enable an operator; a disabled key stops working within a few seconds',
        params: IdParam,
        body: atLeastOneField(z.object({ name: Name, active: z.boolean() }).partial()),
        response: { 200: OperatorOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => out(await updateOperator(deps.db, operatorActor(req.caller!.operatorId), req.params.id, req.body)));

    app.post('/operators/:id/rotate-key', {
      config: { roles: ADMIN },
      schema: { summary: 'Give an operator a new API key (shown once); the old one stops working within a few seconds', params: IdParam, response: { 200: WithKey, 404: ErrorBody } },
    }, async (req) => out(await rotateOperatorKey(deps.db, operatorActor(req.caller!.operatorId), req.params.id)) as z.infer<typeof WithKey>);
  };
}
