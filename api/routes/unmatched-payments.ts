import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_WRITE } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, Id, IdParam } from '../schemas';
import { RecordedOut, toPaymentOut } from './payments';
import { assignUnmatched, listUnmatched } from '../../services/unmatched-gateway.service';

const UnmatchedOut = z.object({
  id: z.number(),
  state: z.enum(['unassigned', 'assigned']),
  gateway: z.string(),
  transactionId: z.string(),
  customerReference: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  paidAt: z.string(),
  receivedAt: z.string(),
  paymentId: z.number().nullable(),
  assignedById: z.number().nullable(),
  assignedAt: z.string().nullable(),
});

/** Gateway money whose customer reference matched nobody, for billing staff to assign. */
export function unmatchedPaymentRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/payments/unmatched', {
      config: { roles: STAFF_WRITE },
      schema: {
        summary: 'Gateway payments for a customer reference nobody has: unassigned (default, oldest first) or already assigned',
        querystring: z.object({ state: z.enum(['unassigned', 'assigned']).default('unassigned'), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
        response: { 200: z.object({ items: z.array(UnmatchedOut) }) },
      },
    }, async (req) => ({ items: await listUnmatched(deps.db, req.query.state, req.query.limit) }));

    app.post('/payments/unmatched/:id/assign', {
      config: { roles: STAFF_WRITE },
      schema: {
        summary: 'Assign held gateway money to a customer: it becomes their gateway payment and pays their oldest invoices',
        params: IdParam,
        body: z.object({ customerId: Id }),
        response: { 200: z.object({ unmatched: UnmatchedOut, recorded: RecordedOut }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => {
      const { unmatched, recorded } = await assignUnmatched(deps.db, req.caller!.operatorId, req.params.id, req.body.customerId);
      return { unmatched, recorded: { ...recorded, payment: toPaymentOut(recorded.payment) } };
    });
  };
}
