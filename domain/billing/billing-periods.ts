// Service periods on an anchored grid.
//
// A period starts on the customer's anchor day (1–31). When the month is shorter than
// the anchor, it starts on that month's last day and returns to the anchor the next
// month (31 Jan → 28/29 Feb → 31 Mar). Each start is computed from the month itself,
// never by chaining "+1 month" from the previous start, so a short February cannot
// drag later periods to the 28th. A period ends the day before the next one starts.
//
// Quarterly and annual grids step 3 or 12 months from the subscription's start month.
//
// Billing month of a period: the month of max(period start, subscription start).
// For every period after the first this is simply the month it starts in. A
// subscription that starts before the anchor day of its month first runs in the tail
// of a period that began in an earlier month; that tail is billed in the month the
// subscription starts, so a run for a month before the customer existed never owns it.
// Every period maps to exactly one billing month, so consecutive runs can neither
// skip nor repeat one.
import { BillingMonth, monthIndex, parseBillingMonth } from './billing-month';
import {
  CalendarDate,
  addDays,
  calendarDate,
  compareDates,
  lastDayOfMonth,
  maxDate,
  parseCalendarDate,
} from './calendar-date';
import { BillingRuleError } from './errors';

export type BillingCycle = 'monthly' | 'quarterly' | 'annual';

export const CYCLE_MONTHS: Readonly<Record<BillingCycle, number>> = { monthly: 1, quarterly: 3, annual: 12 };

/** Inclusive on both ends. */
export interface ServicePeriod {
  start: CalendarDate;
  end: CalendarDate;
}

export interface PeriodSchedule {
  cycle: BillingCycle;
  /** Day of month 1–31 on which periods start. */
  anchorDay: number;
  /** First day of service; fixes the month quarterly/annual grids are counted from. */
  subscriptionStart: CalendarDate;
}

export interface PeriodsDueInput extends PeriodSchedule {
  /** Last day of service (inclusive); null or absent while the subscription runs on. */
  subscriptionEnd?: CalendarDate | null;
  billingMonth: BillingMonth;
}

/** The date a period would start in the given month: the anchor day, or the month's last day. */
export function anchoredStart(year: number, month: number, anchorDay: number): CalendarDate {
  return calendarDate(year, month, Math.min(anchorDay, lastDayOfMonth(year, month)));
}

function checkSchedule(schedule: PeriodSchedule): { cycleMonths: number; phase: number } {
  const cycleMonths = CYCLE_MONTHS[schedule.cycle];
  if (cycleMonths === undefined) {
    throw new BillingRuleError(`billing cycle must be monthly, quarterly or annual, got '${String(schedule.cycle)}'`);
  }
  if (!Number.isInteger(schedule.anchorDay) || schedule.anchorDay < 1 || schedule.anchorDay > 31) {
    throw new BillingRuleError(`billing anchor day must be a whole number 1–31, got ${schedule.anchorDay}`);
  }
  return { cycleMonths, phase: monthIndex(parseCalendarDate(schedule.subscriptionStart)) };
}

function periodStartingInMonth(index: number, cycleMonths: number, anchorDay: number): ServicePeriod {
  const startYear = Math.floor(index / 12);
  const nextIndex = index + cycleMonths;
  const nextYear = Math.floor(nextIndex / 12);
  return {
    start: anchoredStart(startYear, index - startYear * 12 + 1, anchorDay),
    end: addDays(anchoredStart(nextYear, nextIndex - nextYear * 12 + 1, anchorDay), -1),
  };
}

function floorToGrid(index: number, phase: number, cycleMonths: number): number {
  const offset = (((index - phase) % cycleMonths) + cycleMonths) % cycleMonths;
  return index - offset;
}

/** The service period on the schedule's grid that contains `date` (or starts on it). */
export function servicePeriodContaining(schedule: PeriodSchedule, date: CalendarDate): ServicePeriod {
  const { cycleMonths, phase } = checkSchedule(schedule);
  let index = floorToGrid(monthIndex(parseCalendarDate(date)), phase, cycleMonths);
  let period = periodStartingInMonth(index, cycleMonths, schedule.anchorDay);
  if (compareDates(period.start, date) > 0) {
    index -= cycleMonths;
    period = periodStartingInMonth(index, cycleMonths, schedule.anchorDay);
  }
  return period;
}

/** The period immediately after `period` on the same grid. */
export function nextServicePeriod(schedule: PeriodSchedule, period: ServicePeriod): ServicePeriod {
  return servicePeriodContaining(schedule, addDays(period.end, 1));
}

/**
 * Service periods a bulk run for `billingMonth` must bill, in date order: those whose
 * billing month (see header) is `billingMonth` and that overlap the subscription.
 */
export function periodsDueInMonth(input: PeriodsDueInput): ServicePeriod[] {
  const { cycleMonths, phase } = checkSchedule(input);
  const target = monthIndex(parseBillingMonth(input.billingMonth));
  const end = input.subscriptionEnd ?? null;
  if (end !== null && compareDates(end, input.subscriptionStart) < 0) {
    throw new BillingRuleError(`subscription ends (${end}) before it starts (${input.subscriptionStart})`);
  }

  const candidates = [servicePeriodContaining(input, input.subscriptionStart)];
  if (floorToGrid(target, phase, cycleMonths) === target) {
    candidates.push(periodStartingInMonth(target, cycleMonths, input.anchorDay));
  }

  const due = candidates.filter((period) => {
    const overlaps =
      compareDates(period.end, input.subscriptionStart) >= 0 && (end === null || compareDates(period.start, end) <= 0);
    const billedFrom = parseCalendarDate(maxDate(period.start, input.subscriptionStart));
    return overlaps && monthIndex(billedFrom) === target;
  });
  const unique = due.filter((period, i) => due.findIndex((other) => other.start === period.start) === i);
  return unique.sort((a, b) => compareDates(a.start, b.start));
}
