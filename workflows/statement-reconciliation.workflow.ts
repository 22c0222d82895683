import { allHandlersFinished, condition, continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities, StatementSummary } from '../activities';

// Every activity heartbeats while it works: one whose worker died is retried on another
// within 10 s, not after 5 minutes. Bad statement data is non-retryable where it is found;
// the rest (the database away) gets about 15 minutes of attempts.
const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { maximumInterval: '30 seconds', maximumAttempts: 35 } });

export interface ReconciliationProgress {
  statementId: number;
  status: 'reconciling' | 'reconciled';
  linesTotal: number;
  linesDone: number;
  matched: number;
  matchedAmountMinor: number;
  exceptions: number;
  /** Finding candidates and matching, summed over batches (booking excluded). */
  matchMs?: number;
  /** Lines up to here are done (file order). */
  cursor?: number;
  summary: StatementSummary | null;
}

export interface ReconciliationInput {
  statementId: number;
  batchSize?: number;
  /** Carried across continue-as-new. */
  progress?: ReconciliationProgress;
}

export const reconciliationProgressQuery = defineQuery<ReconciliationProgress | null>('progress');
/** Sent with start by the import's outbox message; a repeat delivery changes nothing. */
export const reconcileSignal = defineSignal<[Record<string, never>]>('reconcile');

const BATCHES_PER_RUN = 100;

/**
 * Reconciles one imported statement: matches and books its lines batch by batch (each
 * batch one database transaction, so a restarted worker repeats nothing), then stores
 * the summary. Customers' billing workflows are told through the outbox by each batch.
 */
export async function statementReconciliationWorkflow(input: ReconciliationInput): Promise<ReconciliationProgress> {
  let progress = input.progress ?? null;
  setHandler(reconciliationProgressQuery, () => progress);
  setHandler(reconcileSignal, () => undefined);
  if (!progress) {
    const opened = await acts.openStatement(input.statementId);
    progress = { statementId: input.statementId, status: 'reconciling', linesTotal: opened.pending, linesDone: 0, matched: 0, matchedAmountMinor: 0, exceptions: 0, summary: null };
  }
  const p = progress;
  for (let batches = 0; ; batches++) {
    if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof statementReconciliationWorkflow>({ ...input, progress: p });
    }
    const batch = await acts.reconcileStatementBatch({ statementId: input.statementId, limit: input.batchSize ?? 5000, afterLineNo: p.cursor ?? 0 });
    p.linesDone += batch.lines;
    p.matched += batch.matched;
    p.matchedAmountMinor += batch.matchedAmountMinor;
    p.exceptions += batch.exceptions;
    p.matchMs = (p.matchMs ?? 0) + (batch.matchMs ?? 0);
    p.cursor = batch.lastLineNo ?? p.cursor;
    if (!batch.more) break;
  }
  p.summary = await acts.finishStatement(input.statementId);
  p.status = 'reconciled';
  await condition(allHandlersFinished);
  return p;
}
