import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors';
import type { ApiDeps } from '../deps';
import { billingRunProgress, startBillingRun } from '../../services/billing-run.service';

const Progress = z.object({
  billingRunId: z.number(),
  status: z.enum(['running', 'completed', 'failed']),
  customersTotal: z.number(),
  customersDone: z.number(),
  invoices: z.number(),
  lines: z.number(),
  amountMinor: z.number(),
  byCurrency: z.record(z.string(), z.number()).optional(),
  alreadyInvoiced: z.number(),
  announced: z.number(),
  byTariff: z.record(z.string(), z.object({ lines: z.number(), amountMinor: z.number() })),
  sample: z.array(z.object({ customerId: z.number(), totalMinor: z.number(), lines: z.number(), dueDate: z.string() })),
  failures: z.array(z.object({ customerId: z.number(), reason: z.string() })),
  /** All failed customers (failures lists the first 200). */
  customersFailed: z.number().optional(),
  error: z.string().optional(),
});

export function billingRunRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/billing-runs', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: {
        summary: 'Bill every customer for a month (dryRun previews without writing)',
        body: z.object({ period: z.string(), dryRun: z.boolean().default(false) }),
        response: { 202: z.object({ workflowId: z.string(), progressUrl: z.string() }) },
      },
    }, async (req, reply) => {
      const { workflowId } = await startBillingRun(deps.temporal, deps.taskQueue, { period: req.body.period, dryRun: req.body.dryRun, startedBy: `operator:${req.caller!.operatorId}` });
      return reply.code(202).send({ workflowId, progressUrl: `/v1/billing-runs/${workflowId}` });
    });

    app.get('/billing-runs/:workflowId', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: { summary: 'Progress of a billing run (customers done / total, invoices, amount, failures)', params: z.object({ workflowId: z.string().regex(/^billing-run-[\w-]+$/) }), response: { 200: Progress } },
    }, async (req) => {
      const progress = await billingRunProgress(deps.temporal, req.params.workflowId).catch(() => null);
      if (progress) return progress;
      const row = await deps.db.billingRun.findUnique({ where: { workflowId: req.params.workflowId } });
      if (!row?.result) throw notFound(`billing run ${req.params.workflowId}`);
      return row.result as z.infer<typeof Progress>;
    });
  };
}
