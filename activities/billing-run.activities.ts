import { ApplicationFailure } from '@temporalio/activity';
import { assertBillingMonth } from '../domain/billing';
import type { Prisma } from '../prisma/generated/client';
import { billCustomerBatch, type BatchInput, type BatchResult } from '../services/billing-batch.service';
import { announceInvoices } from '../services/invoice-announcer.service';
import type { ActivityDeps } from './deps';
import { heartbeatWhile } from './heartbeat-while';

export type PageResult = Omit<BatchResult, 'issued'>;

/** Each heartbeats while it works (see heartbeatWhile), so a dead worker's step moves to another within 10 s. */
export function billingRunActivities(deps: ActivityDeps) {
  return {
    /** The run's row (keyed by workflow ID, so a retried start finds it). */
    async openBillingRun(input: { period: string; dryRun: boolean; workflowId: string; startedBy: string }): Promise<{ billingRunId: number; customersTotal: number }> {
      try {
        assertBillingMonth(input.period);
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'BadPeriod');
      }
      return heartbeatWhile(async () => {
        const run = await deps.db.billingRun.upsert({ where: { workflowId: input.workflowId }, create: { ...input }, update: {} });
        const customersTotal = await deps.db.customer.count({ where: { OR: [{ subscriptions: { some: {} } }, { charges: { some: { invoiceLine: null } } }] } });
        return { billingRunId: run.id, customersTotal };
      });
    },

    async billCustomerPage(input: BatchInput): Promise<PageResult> {
      const { issued: _issued, ...rest } = await heartbeatWhile(() => billCustomerBatch(deps.db, input));
      return rest;
    },

    /** Tells each new invoice's customer workflow and emails the invoice, once each. */
    async announceIssuedInvoices(input: { billingRunId: number; limit: number; concurrency: number }): Promise<{ announced: number; remaining: boolean }> {
      return heartbeatWhile(() => announceInvoices(deps, input));
    },

    async finishBillingRun(input: { billingRunId: number; result: Prisma.InputJsonValue; status?: 'completed' | 'failed' }): Promise<void> {
      await deps.db.billingRun.update({ where: { id: input.billingRunId }, data: { status: input.status ?? 'completed', result: input.result, finishedAt: new Date() } });
    },
  };
}
