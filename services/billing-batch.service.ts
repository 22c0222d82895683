import { composeInvoice, type BillingMonth } from '../domain/billing';
import { loadBillablePage } from '../data/billable-customers';
import type { InvoiceDraft, IssuedInvoice } from '../data/invoice-writer';
import { writeInvoicesIsolated, type CustomerFailure } from '../data/isolated-invoice-writes';
import type { Db } from '../infra/prisma';

export interface BatchInput {
  month: BillingMonth;
  issueDate: string;
  defaultPaymentTermsDays: number;
  series: string;
  billingRunId: number | null;
  afterCustomerId: number;
  limit: number;
  dryRun: boolean;
}

export interface BatchResult {
  lastCustomerId: number;
  customersSeen: number;
  /** Nothing left after this page. */
  done: boolean;
  issued: IssuedInvoice[];
  /** Invoices that would be (dry run) or were issued in this page. */
  invoices: number;
  lines: number;
  /** All currencies added together: meaningful only when every customer bills in one currency; see byCurrency. */
  amountMinor: number;
  byCurrency: Record<string, number>;
  alreadyInvoiced: number;
  byTariff: Record<string, { lines: number; amountMinor: number }>;
  sample: Array<{ customerId: number; totalMinor: number; lines: number; dueDate: string }>;
  /** Customers of this page that could not be invoiced, and why; the run goes on without them. */
  failures: CustomerFailure[];
}

/** Composes one page of customers' invoices (pure rules) and, unless a dry run, issues them. */
export async function billCustomerBatch(db: Db, input: BatchInput): Promise<BatchResult> {
  const page = await loadBillablePage(db, input.month, input.afterCustomerId, input.limit);
  const result: BatchResult = {
    lastCustomerId: page.at(-1)?.customerId ?? input.afterCustomerId,
    customersSeen: page.length,
    done: page.length < input.limit,
    issued: [],
    invoices: 0,
    lines: 0,
    amountMinor: 0,
    alreadyInvoiced: 0,
    byTariff: {},
    byCurrency: {},
    sample: [],
    failures: [],
  };
  const drafts: InvoiceDraft[] = [];
  for (const row of page) {
    if (row.alreadyInvoiced) {
      result.alreadyInvoiced++;
      continue;
    }
    // Composing is pure: whatever it throws (BillingRuleError, MoneyError on sums past
    // 2^53) is about this customer's data alone.
    try {
      const invoice = composeInvoice(row, input.month, input.issueDate, input.defaultPaymentTermsDays);
      if (invoice) drafts.push({ customerId: row.customerId, currency: row.currency, invoice });
    } catch (err) {
      result.failures.push({ customerId: row.customerId, reason: (err as Error).message ?? String(err) });
    }
  }
  let counted = drafts;
  if (!input.dryRun) {
    const written = await writeInvoicesIsolated(db, { month: input.month, issueDate: input.issueDate, series: input.series, billingRunId: input.billingRunId, drafts });
    result.issued = written.issued;
    result.failures.push(...written.failures);
    // A concurrent run may have issued some of them first; count only ours.
    const ours = new Set(result.issued.map((i) => i.customerId));
    counted = drafts.filter((d) => ours.has(d.customerId));
  }
  result.invoices = counted.length;
  for (const d of counted) {
    result.lines += d.invoice.lines.length;
    result.amountMinor += d.invoice.totalMinor;
    result.byCurrency[d.currency] = (result.byCurrency[d.currency] ?? 0) + d.invoice.totalMinor;
    for (const l of d.invoice.lines) {
      const key = l.subscriptionId === null ? 'one-off charges' : l.description.replace(/ \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/, '');
      const t = (result.byTariff[key] ??= { lines: 0, amountMinor: 0 });
      t.lines++;
      t.amountMinor += l.totalMinor;
    }
  }
  result.sample = counted.slice(0, 10).map((d) => ({ customerId: d.customerId, totalMinor: d.invoice.totalMinor, lines: d.invoice.lines.length, dueDate: d.invoice.dueDate }));
  return result;
}
