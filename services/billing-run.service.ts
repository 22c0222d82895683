import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { addBillingMonths, assertBillingMonth, billingMonthOf, BillingRuleError } from '../domain/billing';
import { ApiError } from '../api/errors';
import { billingRunProgressQuery, type billingRunWorkflow, type BillingRunProgress } from '../workflows/billing-run.workflow';
import { BillingPeriodAttr } from '../workflows/search-attributes';

export const DEFAULT_PAYMENT_TERMS_DAYS = 14;

export function billingRunWorkflowId(period: string, dryRun: boolean, now: Date): string {
  // Real runs share one ID per month: a repeated request joins the running one, and a
  // later rerun finds every invoice already issued. Previews are independent.
  return dryRun ? `billing-run-preview-${period}-${now.getTime()}` : `billing-run-${period}`;
}

/** Starts (or joins) the run for a month; bad periods are a 400 with the reason. */
export async function startBillingRun(temporal: Client, taskQueue: string, input: { period: string; dryRun: boolean; startedBy: string; now?: Date }): Promise<{ workflowId: string }> {
  const now = input.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  try {
    assertBillingMonth(input.period);
  } catch (err) {
    if (err instanceof BillingRuleError) throw new ApiError(400, 'invalid_period', err.message, 'body.period');
    throw err;
  }
  const latest = addBillingMonths(billingMonthOf(today), 1);
  if (input.period > latest) throw new ApiError(400, 'future_period', `period ${input.period} is too far ahead: the latest billable month today is ${latest}`, 'body.period');
  const workflowId = billingRunWorkflowId(input.period, input.dryRun, now);
  await temporal.workflow.start<typeof billingRunWorkflow>('billingRunWorkflow', {
    workflowId,
    taskQueue,
    args: [{ period: input.period, dryRun: input.dryRun, issueDate: today, defaultPaymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS, startedBy: input.startedBy }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [{ key: BillingPeriodAttr, value: input.period }],
  });
  return { workflowId };
}

export async function billingRunProgress(temporal: Client, workflowId: string): Promise<BillingRunProgress | null> {
  return temporal.workflow.getHandle(workflowId).query(billingRunProgressQuery);
}
