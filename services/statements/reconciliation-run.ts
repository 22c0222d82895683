import type { Client } from '@temporalio/client';
import type { ReconciliationProgress, statementReconciliationWorkflow } from '../../workflows/statement-reconciliation.workflow';
import { followWorkflow } from '../../infra/follow-workflow';
import { reconciliationStart } from './reconciliation-start';

/**
 * Starts (or joins) the statement's reconciliation now instead of waiting for the outbox
 * relay, and follows it to the end. Safe to call again: the workflow ID is the statement's.
 */
export async function followReconciliation(temporal: Client, taskQueue: string, statementId: number, onProgress: (p: ReconciliationProgress) => void): Promise<ReconciliationProgress> {
  const start = reconciliationStart(statementId);
  const handle = await temporal.workflow.signalWithStart<typeof statementReconciliationWorkflow, [Record<string, never>]>(start.workflowType, {
    workflowId: start.workflowId, taskQueue, args: [{ statementId }], signal: start.signal, signalArgs: [{}],
  });
  return followWorkflow<ReconciliationProgress, ReconciliationProgress>(handle, 'progress', onProgress);
}
