import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../infra/prisma';
import { logger } from '../infra/logger';
import { customerWorkflowId, dunningStateQuery, type DunningView } from '../workflows/customer-billing.messages';

export interface DunningStatus extends DunningView {
  workflowId: string;
  running: boolean;
}

/**
 * Asks the running workflow first (it knows the next action and timeline);
 * falls back to the projection in Postgres when no workflow is running.
 */
export async function readDunningStatus(deps: { db: Db; temporal: Client }, customerId: number): Promise<DunningStatus> {
  const workflowId = customerWorkflowId(customerId);
  try {
    const handle = deps.temporal.workflow.getHandle(workflowId);
    const description = await handle.describe();
    if (description.status.name === 'RUNNING') {
      return { ...(await handle.query(dunningStateQuery)), workflowId, running: true };
    }
  } catch (err) {
    // No worker polling right now (deploy, crash): answer from Postgres rather than fail.
    if (!(err instanceof WorkflowNotFoundError)) logger.warn({ err, workflowId }, 'dunning query failed; answering from the database');
  }
  const row = await deps.db.customerDunning.findUnique({ where: { customerId } });
  return {
    customerId,
    workflowId,
    running: false,
    state: row?.state ?? 'current',
    network: (row?.network ?? 'none') as DunningView['network'],
    overdueMinor: Number(row?.overdueMinor ?? 0),
    nextAction: row?.nextAction && row.nextActionAt ? { action: row.nextAction, at: row.nextActionAt.toISOString() } : null,
    promiseToPayUntil: row?.promiseToPayUntil?.toISOString() ?? null,
    pausedUntil: row?.pausedUntil?.toISOString() ?? null,
    reasons: row?.reasons ?? [],
    timeline: [],
  };
}
