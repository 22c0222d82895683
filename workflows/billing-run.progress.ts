import type { PageResult } from '../activities';

export interface BillingRunProgress {
  billingRunId: number;
  status: 'running' | 'completed' | 'failed';
  /** Why the run stopped, when it failed (an activity out of attempts). */
  error?: string;
  cursor: number;
  customersTotal: number;
  customersDone: number;
  invoices: number;
  lines: number;
  /** Totals per currency, never added across currencies (runs started before it existed have none). */
  byCurrency?: Record<string, number>;
  alreadyInvoiced: number;
  announced: number;
  /** Per tariff and currency (entries of runs started before currencies were kept lack `currency`). */
  byTariff: PageResult['byTariff'];
  sample: PageResult['sample'];
  /** The first failures with their reasons (at most MAX_FAILURES_KEPT); customersFailed counts them all. */
  failures: PageResult['failures'];
  customersFailed?: number;
}

const MAX_FAILURES_KEPT = 200;
const MAX_SAMPLE = 20;

const MAX_PAGE = 500;
const MIN_PAGE = 25;
const STEPS = 20;

/** A page size giving about STEPS pages: a run of 500 customers is not one jump from 0 to done. */
export function pageSizeFor(customersTotal: number): number {
  return Math.min(MAX_PAGE, Math.max(MIN_PAGE, Math.ceil(customersTotal / STEPS)));
}

export function newProgress(billingRunId: number, customersTotal: number): BillingRunProgress {
  return { billingRunId, status: 'running', cursor: 0, customersTotal, customersDone: 0, invoices: 0, lines: 0, byCurrency: {}, alreadyInvoiced: 0, announced: 0, byTariff: {}, sample: [], failures: [] };
}

/** Adds one billed page to the run's totals (kept small: it travels across continue-as-new). */
export function addPage(p: BillingRunProgress, page: PageResult): void {
  p.cursor = page.lastCustomerId;
  p.customersDone += page.customersSeen;
  p.invoices += page.invoices;
  p.lines += page.lines;
  for (const [currency, amount] of Object.entries(page.byCurrency ?? {})) (p.byCurrency ??= {})[currency] = (p.byCurrency[currency] ?? 0) + amount;
  p.alreadyInvoiced += page.alreadyInvoiced;
  for (const [key, t] of Object.entries(page.byTariff)) {
    const acc = (p.byTariff[key] ??= { ...t, lines: 0, amountMinor: 0 });
    acc.lines += t.lines;
    acc.amountMinor += t.amountMinor;
  }
  if (p.sample.length < MAX_SAMPLE) p.sample.push(...page.sample.slice(0, MAX_SAMPLE - p.sample.length));
  if (p.failures.length < MAX_FAILURES_KEPT) p.failures.push(...page.failures.slice(0, MAX_FAILURES_KEPT - p.failures.length));
  if (page.failures.length || p.customersFailed !== undefined) p.customersFailed = (p.customersFailed ?? 0) + page.failures.length;
}
