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
  amountMinor: number;
  /** Totals per currency (runs started before it existed have none). */
  byCurrency?: Record<string, number>;
  alreadyInvoiced: number;
  announced: number;
  byTariff: Record<string, { lines: number; amountMinor: number }>;
  sample: PageResult['sample'];
  /** The first failures with their reasons (at most MAX_FAILURES_KEPT); customersFailed counts them all. */
  failures: PageResult['failures'];
  customersFailed?: number;
}

const MAX_FAILURES_KEPT = 200;
const MAX_SAMPLE = 20;

export function newProgress(billingRunId: number, customersTotal: number): BillingRunProgress {
  return { billingRunId, status: 'running', cursor: 0, customersTotal, customersDone: 0, invoices: 0, lines: 0, amountMinor: 0, alreadyInvoiced: 0, announced: 0, byTariff: {}, sample: [], failures: [] };
}

/** Adds one billed page to the run's totals (kept small: it travels across continue-as-new). */
export function addPage(p: BillingRunProgress, page: PageResult): void {
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
  if (p.sample.length < MAX_SAMPLE) p.sample.push(...page.sample.slice(0, MAX_SAMPLE - p.sample.length));
  if (p.failures.length < MAX_FAILURES_KEPT) p.failures.push(...page.failures.slice(0, MAX_FAILURES_KEPT - p.failures.length));
  if (page.failures.length || p.customersFailed !== undefined) p.customersFailed = (p.customersFailed ?? 0) + page.failures.length;
}
