import { ActivityFailure, allHandlersFinished, condition, continueAsNew, defineQuery, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities, PageResult } from '../activities';
import { addPage, newProgress, type BillingRunProgress } from './billing-run.progress';

export type { BillingRunProgress } from './billing-run.progress';

// Every activity heartbeats: one whose worker died is retried on another within 10 s.
// Customers' bad data fails only those customers (in the page's result), so what is left
// to retry is the infrastructure: about 15 minutes of attempts, then the run fails visibly.
const acts = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumInterval: '1 minute', maximumAttempts: 20, nonRetryableErrorTypes: ['BadPeriod', 'BillingRuleError'] },
});

export interface BillingRunInput {
  period: string;
  dryRun: boolean;
  /** Fixed when the run starts, so a resumed or repeated run issues the same documents. */
  issueDate: string;
  defaultPaymentTermsDays: number;
  startedBy: string;
  pageSize?: number;
  signalConcurrency?: number;
  /** Carried across continue-as-new. */
  progress?: BillingRunProgress;
}

export const billingRunProgressQuery = defineQuery<BillingRunProgress | null>('progress');

const PAGES_PER_RUN = 25;
/** Patch: the next page is billed while this page's invoices are announced. */
export const PIPELINED_PAGES = 'pipelined-pages';
/** Patch: a run whose activity ran out of attempts records that it failed, and why. */
export const RECORD_RUN_FAILURE = 'record-run-failure';

/**
 * Bills every customer for a month: pages through customers by id (keyset), issues each
 * page's invoices in one transaction, then announces them to the customers' workflows
 * with bounded concurrency. Continue-as-new keeps the history small for any size.
 */
export async function billingRunWorkflow(input: BillingRunInput): Promise<BillingRunProgress> {
  let progress = input.progress ?? null;
  setHandler(billingRunProgressQuery, () => progress);
  if (!progress) {
    const opened = await acts.openBillingRun({ period: input.period, dryRun: input.dryRun, workflowId: workflowInfo().workflowId, startedBy: input.startedBy });
    progress = newProgress(opened.billingRunId, opened.customersTotal);
  }
  const p = progress;
  try {
    await billAllPages(input, p);
  } catch (err) {
    if (!(err instanceof ActivityFailure) || !patched(RECORD_RUN_FAILURE)) throw err;
    // Out of attempts (the database away for a quarter of an hour): said in the run's
    // progress and row, not left looking as if it were still running.
    p.status = 'failed';
    p.error = `${err.activityType}: ${err.cause?.message ?? err.message}`;
    await acts.finishBillingRun({ billingRunId: p.billingRunId, result: p as never, status: 'failed' });
    throw err;
  }
  p.status = 'completed';
  await acts.finishBillingRun({ billingRunId: p.billingRunId, result: p as never });
  return p;
}

/** Pages through the customers until none are left (or continues as new). */
async function billAllPages(input: BillingRunInput, p: BillingRunProgress): Promise<void> {
  const billPage = (afterCustomerId: number) => acts.billCustomerPage({
    month: input.period, issueDate: input.issueDate, defaultPaymentTermsDays: input.defaultPaymentTermsDays, series: 'INV',
    billingRunId: input.dryRun ? null : p.billingRunId, afterCustomerId, limit: input.pageSize ?? 500, dryRun: input.dryRun,
  });
  // Billing a page is Postgres work, announcing it is Temporal work: overlapped, neither waits for the other.
  const pipelined = patched(PIPELINED_PAGES);
  let nextPage: Promise<PageResult> | undefined;
  for (let pages = 0; ; pages++) {
    if (!nextPage && (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof billingRunWorkflow>({ ...input, progress: p });
    }
    const page = await (nextPage ?? billPage(p.cursor));
    nextPage = pipelined && !page.done && pages + 1 < PAGES_PER_RUN ? billPage(page.lastCustomerId) : undefined;
    addPage(p, page);
    if (!input.dryRun) {
      for (let more = true; more; ) {
        const a = await acts.announceIssuedInvoices({ billingRunId: p.billingRunId, limit: 500, concurrency: input.signalConcurrency ?? 20 });
        p.announced += a.announced;
        more = a.remaining;
      }
    }
    if (page.done) return;
  }
}
