// A billing month 'YYYY-MM' names one bulk billing run. Months are also handled as a
// single integer index (year × 12 + month − 1) so stepping across years is plain addition.
import { CalendarDate, parseCalendarDate } from './calendar-date';
import { BillingRuleError } from './errors';

/** 'YYYY-MM', e.g. '2025-01'. */
export type BillingMonth = string;

export interface YearMonth {
  year: number;
  month: number;
}

const BILLING_MONTH = /^(\d{4})-(\d{2})$/;

export function parseBillingMonth(value: string): YearMonth {
  const match = typeof value === 'string' ? BILLING_MONTH.exec(value) : null;
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || year < 1 || month < 1 || month > 12) {
    throw new BillingRuleError(
      `billing month must be 'YYYY-MM' with month 01–12 (for example '2025-01'), got '${String(value)}'`,
    );
  }
  return { year, month };
}

export function assertBillingMonth(value: string): BillingMonth {
  parseBillingMonth(value);
  return value;
}

export function isBillingMonth(value: unknown): value is BillingMonth {
  if (typeof value !== 'string') return false;
  try {
    parseBillingMonth(value);
    return true;
  } catch {
    return false;
  }
}

export function formatBillingMonth(year: number, month: number): BillingMonth {
  return assertBillingMonth(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
}

/** The billing month a calendar date belongs to. */
export function billingMonthOf(date: CalendarDate): BillingMonth {
  const { year, month } = parseCalendarDate(date);
  return formatBillingMonth(year, month);
}

export function monthIndex(value: YearMonth): number {
  return value.year * 12 + (value.month - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

export function addBillingMonths(month: BillingMonth, count: number): BillingMonth {
  if (!Number.isSafeInteger(count)) throw new BillingRuleError(`month count must be an integer, got ${count}`);
  const { year, month: m } = fromMonthIndex(monthIndex(parseBillingMonth(month)) + count);
  return formatBillingMonth(year, m);
}
