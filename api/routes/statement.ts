import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';
import { customerStatement } from '../../services/customer-statement.service';

const StatementOut = z.object({
  customer: z.object({ id: z.number(), name: z.string(), username: z.string(), currency: z.string() }),
  entries: z.array(z.object({
    at: z.string(),
    kind: z.enum(['bill', 'payment', 'reversal']),
    invoiceId: z.number().nullable(),
    paymentId: z.number().nullable(),
    reference: z.string().nullable(),
    description: z.string(),
    amountMinor: z.number(),
    balanceMinor: z.number(),
  })),
  billedMinor: z.number(),
  paidMinor: z.number(),
  outstandingMinor: z.number(),
});

export function statementRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/customers/:id/statement', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: 'Bills, payments and reversals with a running balance; outstanding = bills − payments (negative is credit)',
        params: IdParam,
        response: { 200: StatementOut, 404: ErrorBody },
      },
    }, async (req) => customerStatement(deps.db, req.caller!, req.params.id));
  };
}
