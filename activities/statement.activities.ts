import { ApplicationFailure, Context } from '@temporalio/activity';
import { MatchInputError } from '../domain/statements';
import { reconcileNextBatch, type BatchResult } from '../services/statements/reconcile-batch.service';
import { finishStatement, statementSummary, type StatementSummary } from '../services/statements/statement-summary.service';
import type { ActivityDeps } from './deps';
import { heartbeatWhile } from './heartbeat-while';

export type { BatchResult as StatementBatchResult } from '../services/statements/reconcile-batch.service';
export type { StatementSummary } from '../services/statements/statement-summary.service';

// A batch is remembered per workflow run; an activity run on its own has no run and only its own attempts.
const runOf = (info: Context['info']) => info.workflowExecution?.runId ?? `activity:${info.activityId}`;

export function statementActivities(deps: ActivityDeps) {
  return {
    /** Lines to reconcile, for progress; fails for good if the statement does not exist. */
    async openStatement(statementId: number): Promise<StatementSummary> {
      const summary = await heartbeatWhile(() => statementSummary(deps.db, statementId));
      if (!summary) throw ApplicationFailure.nonRetryable(`statement ${statementId} does not exist`, 'UnknownStatement');
      return summary;
    },

    /** Heartbeats while its transaction runs, so a batch whose worker died is retried within the heartbeat timeout. */
    async reconcileStatementBatch(input: { statementId: number; limit: number; afterLineNo?: number }): Promise<BatchResult> {
      try {
        return await heartbeatWhile(() => reconcileNextBatch(deps.db, input.statementId, input.limit, input.afterLineNo ?? 0, runOf(Context.current().info)));
      } catch (error) {
        if (error instanceof MatchInputError) throw ApplicationFailure.nonRetryable(error.message, 'BadStatementData');
        throw error;
      }
    },

    async finishStatement(statementId: number): Promise<StatementSummary> {
      return heartbeatWhile(() => finishStatement(deps.db, statementId));
    },
  };
}
