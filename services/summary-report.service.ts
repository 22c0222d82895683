import type { Caller } from '../api/auth';
import { collectedTotals, invoicedTotals, type MonthAndYear } from '../data/period-totals';
import type { Db } from '../infra/prisma';
import { reportDay, toDatePeriods } from './report-period';

export interface Amount {
  currency: string;
  amountMinor: number;
  count: number;
}

export interface PeriodSummary {
  from: string;
  to: string;
  invoiced: Amount[];
  collected: Amount[];
  collectedByMethod: Array<Amount & { method: string }>;
  /** By the log's Operator column: the operator who took the money, or the gateway. */
  collectedBy: Array<Amount & { collectedBy: string; operatorId: number | null }>;
}

export interface SummaryReport {
  asOf: string;
  timeZone: string;
  month: PeriodSummary;
  year: PeriodSummary;
}

type Span = 'month' | 'year';

/** The month or year figure of each row, leaving out rows with nothing in that span. */
function pick<T extends MonthAndYear & { currency: string }, U>(rows: T[], span: Span, extra: (r: T) => U): Array<Amount & U> {
  return rows
    .filter((r) => r[`${span}Count`] > 0)
    .map((r) => ({ currency: r.currency, amountMinor: r[`${span}Minor`], count: r[`${span}Count`], ...extra(r) }));
}

/** Invoiced and collected, month to date and year to date, as of a day on the operator's calendar. */
export async function summaryReport(db: Db, caller: Caller, query: { asOf?: string; tz: string; resellerId?: number }): Promise<SummaryReport> {
  const asOf = reportDay(query.asOf, query.tz);
  const { month, year } = toDatePeriods(asOf, query.tz);
  const window = {
    yearFrom: year.from, monthFrom: month.from, to: asOf, yearStart: year.start, monthStart: month.start, end: year.end,
    resellerId: caller.role === 'reseller' ? caller.operatorId : query.resellerId,
  };
  const [invoiced, collected] = await Promise.all([invoicedTotals(db, window), collectedTotals(db, window)]);
  const of = (by: string) => collected.filter((r) => r.by === by);
  const summary = (span: Span, p: { from: string; to: string }): PeriodSummary => ({
    from: p.from,
    to: p.to,
    invoiced: pick(invoiced, span, () => ({})),
    collected: pick(of('total'), span, () => ({})),
    collectedByMethod: pick(of('method'), span, (r) => ({ method: r.method! })),
    collectedBy: pick(of('collector'), span, (r) => ({ collectedBy: r.collectedBy!, operatorId: r.operatorId })),
  });
  return { asOf, timeZone: query.tz, month: summary('month', month), year: summary('year', year) };
}
