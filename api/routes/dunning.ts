import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { IdParam } from '../schemas';
import { getVisibleCustomer } from '../../services/customers.service';
import { readDunningStatus } from '../../services/dunning-status.service';
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
  nextAction: z.object({ action: z.string(), at: z.string() }).nullable(),
  promiseToPayUntil: z.string().nullable(),
  pausedUntil: z.string().nullable(),
  reasons: z.array(z.string()),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), summary: z.string() })),
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

    app.get('/customers/:id/dunning', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'Why is this customer where they are? State, next action, timeline', params: IdParam, response: { 200: DunningOut } },
    }, async (req) => {
      const customer = await getVisibleCustomer(deps.db, req.caller!, req.params.id);
      return readDunningStatus(deps, customer.id);
    });
  };
}
