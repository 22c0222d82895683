import type { SignalMessage } from '../../data/outbox';

export const RECONCILIATION_WORKFLOW_TYPE = 'statementReconciliationWorkflow';

export const reconciliationWorkflowId = (statementId: number) => `statement-reconciliation-${statementId}`;

/** What the statement's customer signals are held for while it reconciles (see OUTBOX_LANE). */
export const statementSignalHold = (statementId: number) => `statement:${statementId}`;

/** Delivered by the outbox relay: starts the statement's reconciliation, or nudges a running one. */
export function reconciliationStart(statementId: number): SignalMessage {
  return {
    workflowId: reconciliationWorkflowId(statementId),
    workflowType: RECONCILIATION_WORKFLOW_TYPE,
    startArgs: [{ statementId }],
    signal: 'reconcile',
    payload: {},
  };
}
