import { executeChild, workflowInfo } from '@temporalio/workflow';
import { addBillingMonths, billingMonthOf } from '../domain/billing';
import type { billingRunWorkflow, BillingRunProgress } from './billing-run.workflow';

/**
 * What the monthly Temporal Schedule starts: bills the month it fires in. The child's ID
 * is the same as an API-started run's, so the schedule and a clerk never double-bill.
 */
export async function scheduledBillingRunWorkflow(input: { defaultPaymentTermsDays: number; monthOffset?: number }): Promise<BillingRunProgress> {
  const today = workflowInfo().startTime.toISOString().slice(0, 10);
  const period = addBillingMonths(billingMonthOf(today), input.monthOffset ?? 0);
  return executeChild<typeof billingRunWorkflow>('billingRunWorkflow', {
    workflowId: `billing-run-${period}`,
    args: [{ period, dryRun: false, issueDate: today, defaultPaymentTermsDays: input.defaultPaymentTermsDays, startedBy: 'schedule' }],
  });
}
