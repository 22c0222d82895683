import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES, STAFF_WRITE } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';
import { ChargeKind } from '../../prisma/generated/enums';
import { createCharge, listCharges } from '../../services/charges.service';
import { BasisPoints, BooleanQuery, PositiveMinor } from './billing-fields';

const ChargeOut = z.object({
  id: z.number(),
  customerId: z.number(),
  kind: z.enum(ChargeKind),
  description: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  taxRateBp: z.number(),
  invoiceId: z.number().nullable(),
  pending: z.boolean(),
  createdAt: z.string(),
});

export function chargeRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/customers/:id/charges', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: "A customer's one-off charges; pending=true lists those the next invoice will bill",
        params: IdParam,
        querystring: z.object({ pending: BooleanQuery.optional() }).strict(),
        response: { 200: z.object({ items: z.array(ChargeOut) }), 404: ErrorBody },
      },
    }, async (req) => ({ items: await listCharges(deps.db, req.caller!, req.params.id, { pending: req.query.pending }) }));

    app.post('/customers/:id/charges', {
      config: { roles: [...STAFF_WRITE, 'reseller'] },
      schema: {
        summary: 'Add a one-off charge (installation, equipment, late fee, …) in the customer\'s currency; the next invoice bills it',
        params: IdParam,
        body: z.object({
          kind: z.enum(ChargeKind),
          description: z.string().trim().min(1).max(200),
          amountMinor: PositiveMinor,
          taxRateBp: BasisPoints.optional(),
        }),
        response: { 201: ChargeOut, 400: ErrorBody, 404: ErrorBody },
      },
    }, async (req, reply) => reply.code(201).send(await createCharge(deps.db, req.caller!, req.params.id, req.body)));
  };
}
