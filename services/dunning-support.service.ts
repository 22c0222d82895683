import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApiError } from '../api/errors';
import { audit, operatorActor } from '../data/audit';
import type { Db } from '../infra/prisma';
import { customerWorkflowId, pauseDunningUpdate, promiseToPayUpdate, resumeDunningUpdate, type DunningView } from '../workflows/customer-billing.messages';

export type SupportVerb = 'promise_to_pay' | 'pause' | 'resume';

const UPDATES = { promise_to_pay: promiseToPayUpdate, pause: pauseDunningUpdate, resume: resumeDunningUpdate };

/**
 * Support staff act on a running dunning workflow through a validated Temporal update;
 * the operator and reason go to the audit log once the workflow accepted it.
 */
export async function applySupportAction(
  deps: { db: Db; temporal: Client },
  operatorId: number,
  customerId: number,
  verb: SupportVerb,
  input: { until?: string; note: string },
): Promise<DunningView> {
  const handle = deps.temporal.workflow.getHandle(customerWorkflowId(customerId));
  // The timeline names who acted, not just an id support would have to look up.
  const operator = await deps.db.operator.findUnique({ where: { id: operatorId }, select: { name: true } });
  let view: DunningView;
  try {
    view = await handle.executeUpdate(UPDATES[verb], { args: [{ operatorId, operatorName: operator?.name, until: input.until, note: input.note }] });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError || (err as { name?: string }).name === 'WorkflowNotFoundError') {
      throw new ApiError(409, 'no_dunning', `customer ${customerId} has no dunning in progress (nothing overdue)`);
    }
    if (err instanceof WorkflowUpdateFailedError) {
      throw new ApiError(400, 'rejected', (err.cause as Error | undefined)?.message ?? err.message, (err.cause as Error | undefined)?.message?.startsWith('until') ? 'body.until' : 'body.note');
    }
    throw err;
  }
  await deps.db.$transaction((tx) =>
    audit(tx, { actor: operatorActor(operatorId), action: `dunning.${verb}`, entityType: 'customer', entityId: customerId, reason: input.note, data: input.until ? { until: input.until } : undefined }),
  );
  return view;
}
