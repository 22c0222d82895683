import { allHandlersFinished, condition, continueAsNew, defineQuery, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities, PageResult } from '../activities';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry: { maximumInterval: '1 minute' } });

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

export interface BillingRunProgress {
  billingRunId: number;
  status: 'running' | 'completed';
  cursor: number;
  customersTotal: number;
  customersDone: number;
  invoices: number;
  lines: number;
  amountMinor: number;
  /** Totals per currency (runs started before it existed have none). */
  byCurrency?: Record<string, number>;
  alreadyInvoiced: number;
  announced: number;
  byTariff: Record<string, { lines: number; amountMinor: number }>;
  sample: PageResult['sample'];
  failures: PageResult['failures'];
}

export const billingRunProgressQuery = defineQuery<BillingRunProgress | null>('progress');

const PAGES_PER_RUN = 25;
/** Patch: the next page is billed while this page's invoices are announced. */
export const PIPELINED_PAGES = 'pipelined-pages';
const MAX_FAILURES_KEPT = 200;

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
    progress = { billingRunId: opened.billingRunId, status: 'running', cursor: 0, customersTotal: opened.customersTotal, customersDone: 0, invoices: 0, lines: 0, amountMinor: 0, alreadyInvoiced: 0, announced: 0, byTariff: {}, sample: [], failures: [] };
  }
  const p = progress;
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
      return continueAsNew<typeof billingRunWorkflow>({ ...input, progress: p });
    }
    const page = await (nextPage ?? billPage(p.cursor));
    nextPage = pipelined && !page.done && pages + 1 < PAGES_PER_RUN ? billPage(page.lastCustomerId) : undefined;
    p.cursor = page.lastCustomerId;
    p.customersDone += page.customersSeen;
    p.invoices += page.invoices;
    p.lines += page.lines;
    p.amountMinor += page.amountMinor;
    for (const [currency, amount] of Object.entries(page.byCurrency ?? {})) (p.byCurrency ??= {})[currency] = (p.byCurrency[currency] ?? 0) + amount;
    p.alreadyInvoiced += page.alreadyInvoiced;
    for (const [tariff, t] of Object.entries(page.byTariff)) {
      const acc = (p.byTariff[tariff] ??= { lines: 0, amountMinor: 0 });
      acc.lines += t.lines;
      acc.amountMinor += t.amountMinor;
    }
    if (p.sample.length < 20) p.sample.push(...page.sample.slice(0, 20 - p.sample.length));
    if (p.failures.length < MAX_FAILURES_KEPT) p.failures.push(...page.failures.slice(0, MAX_FAILURES_KEPT - p.failures.length));
    if (!input.dryRun) {
      for (let more = true; more; ) {
        const a = await acts.announceIssuedInvoices({ billingRunId: p.billingRunId, limit: 500, concurrency: input.signalConcurrency ?? 20 });
        p.announced += a.announced;
        more = a.remaining;
      }
    }
    if (page.done) break;
  }
  p.status = 'completed';
  await acts.finishBillingRun({ billingRunId: p.billingRunId, result: p as never });
  return p;
}
