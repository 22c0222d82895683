import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { IdParam, Timestamp } from '../schemas';
import { getVisibleCustomer } from '../../services/customers.service';
import { readDunningStatus } from '../../services/dunning-status.service';
import { applySupportAction, type SupportVerb } from '../../services/dunning-support.service';
import type { customerBillingWorkflow } from '../../workflows/customer-billing.workflow';
import { CUSTOMER_WORKFLOW_TYPE } from '../../services/customer-signals';
import { customerWorkflowId } from '../../workflows/customer-billing.messages';
import { CustomerIdAttr } from '../../workflows/search-attributes';

const DunningOut = z.object({
  customerId: z.number(),
  workflowId: z.string(),
  running: z.boolean(),
  state: z.string(),
  network: z.string(),
  overdueMinor: z.number(),
  currency: z.string().nullable(),
  /** The ISP's time zone; each timeline entry's `local` is its time there. */
  timeZone: z.string(),
  nextAction: z.object({ action: z.string(), at: z.string() }).nullable(),
  promiseToPayUntil: z.string().nullable(),
  pausedUntil: z.string().nullable(),
  reasons: z.array(z.string()),
  timeline: z.array(z.object({ at: z.string(), local: z.string(), kind: z.string(), summary: z.string() })),
});

export function dunningRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/customers/:id/billing-workflow', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: { summary: "Start the customer's billing workflow (no-op when it runs)", params: IdParam, response: { 202: z.object({ workflowId: z.string() }) } },
    }, async (req, reply) => {
      const customer = await getVisibleCustomer(deps.db, req.caller!, req.params.id);
      const workflowId = customerWorkflowId(customer.id);
      await deps.temporal.workflow.start<typeof customerBillingWorkflow>(CUSTOMER_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ customerId: customer.id }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        typedSearchAttributes: [{ key: CustomerIdAttr, value: customer.id }],
      });
      return reply.code(202).send({ workflowId });
    });

    const SupportBody = z.object({
      until: Timestamp(),
      note: z.string().trim().min(1, 'is required').max(500),
    });
    const supportRoute = (path: string, verb: SupportVerb, body: z.ZodType<{ until?: string; note: string }>, summary: string) =>
      app.post(`/customers/:id/dunning/${path}`, {
        config: { roles: ['admin', 'manager', 'billing_clerk', 'support'] },
        schema: { summary, params: IdParam, body, response: { 200: DunningOut } },
      }, async (req) => {
        const customer = await getVisibleCustomer(deps.db, req.caller!, req.params.id);
        await applySupportAction(deps, req.caller!.operatorId, customer.id, verb, req.body as { until?: string; note: string });
        return readDunningStatus(deps, customer.id);
      });
    supportRoute('promise-to-pay', 'promise_to_pay', SupportBody, 'Promise to pay: restores service now, re-evaluates at `until`');
    supportRoute('pause', 'pause', SupportBody, 'Pause dunning until a date (reason in `note`)');
    supportRoute('resume', 'resume', z.object({ note: z.string().trim().min(1, 'is required').max(500) }), 'End a pause or promise to pay now');

    app.get('/customers/:id/dunning', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'Why is this customer where they are? State, next action, timeline', params: IdParam, response: { 200: DunningOut } },
    }, async (req) => {
      const customer = await getVisibleCustomer(deps.db, req.caller!, req.params.id);
      return readDunningStatus(deps, customer.id);
    });
  };
}
