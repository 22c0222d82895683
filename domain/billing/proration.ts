// Proration by calendar days.
//
//   charge = round_half_up(fullPrice × daysUsed / daysInPeriod)
//
// daysInPeriod: calendar days of the service period, start and end inclusive.
// daysUsed: calendar days within that period on which the subscription is active,
// its first and last day both counted. Days are local calendar dates, never 24-hour
// spans, so a DST change does not alter the count.
//
// Tariff change on date C within a period (upgrade and downgrade alike): the old
// tariff is prorated for the active days before C, the new tariff for the active days
// from C on. Each part is rounded on its own, once.
import { divRoundHalfUp, Minor } from '../money';
import { CalendarDate, addDays, compareDates, daysBetween, maxDate, minDate } from './calendar-date';
import { BillingRuleError, requireNonNegativeInteger } from './errors';
import { ServicePeriod } from './billing-periods';

export const PRORATION_RULE = `Proration: charge = round_half_up(full price × days used / days in period).
Days in period counts every calendar day of the service period, start and end inclusive.
Days used counts the days of that period on which the subscription is active, first and last day inclusive.
A tariff change on date C bills the old tariff for active days before C and the new tariff for active days from C,
each rounded half-up on its own. Upgrades and downgrades follow the same rule.`;

/** An inclusive run of active days inside one period. */
export interface ActiveSpan {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
}

export interface ProrationInput {
  fullPriceMinor: Minor;
  period: ServicePeriod;
  /** First active day (inclusive); may lie before the period. */
  activeFrom: CalendarDate;
  /** Last active day (inclusive); null or absent when service continues past the period. */
  activeTo?: CalendarDate | null;
}

export interface ProratedCharge {
  fullPriceMinor: Minor;
  daysInPeriod: number;
  daysUsed: number;
  /** The active days inside the period, or null when there are none. */
  span: ActiveSpan | null;
  amountMinor: Minor;
}

export interface TariffChangeInput {
  period: ServicePeriod;
  activeFrom: CalendarDate;
  activeTo?: CalendarDate | null;
  /** First day billed at the new tariff. */
  changeDate: CalendarDate;
  oldPriceMinor: Minor;
  newPriceMinor: Minor;
}

export function daysInPeriod(period: ServicePeriod): number {
  const days = daysBetween(period.start, period.end) + 1;
  if (days < 1) throw new BillingRuleError(`service period ends (${period.end}) before it starts (${period.start})`);
  return days;
}

/** The part of [activeFrom, activeTo] that lies inside the period, or null if none does. */
export function activeSpan(period: ServicePeriod, activeFrom: CalendarDate, activeTo?: CalendarDate | null): ActiveSpan | null {
  daysInPeriod(period);
  const from = maxDate(period.start, activeFrom);
  const to = activeTo == null ? period.end : minDate(period.end, activeTo);
  if (compareDates(from, to) > 0) return null;
  return { from, to, days: daysBetween(from, to) + 1 };
}

export function prorate(input: ProrationInput): ProratedCharge {
  const fullPriceMinor = requireNonNegativeInteger(input.fullPriceMinor, 'full price');
  const total = daysInPeriod(input.period);
  const span = activeSpan(input.period, input.activeFrom, input.activeTo);
  const daysUsed = span?.days ?? 0;
  return {
    fullPriceMinor,
    daysInPeriod: total,
    daysUsed,
    span,
    amountMinor: divRoundHalfUp(BigInt(fullPriceMinor) * BigInt(daysUsed), total),
  };
}

/** Splits the active days of a period at a tariff change: before C and from C on. */
export function splitAtChange(
  activeFrom: CalendarDate,
  activeTo: CalendarDate | null | undefined,
  changeDate: CalendarDate,
): {
  before: { activeFrom: CalendarDate; activeTo: CalendarDate };
  after: { activeFrom: CalendarDate; activeTo: CalendarDate | null };
} {
  const dayBeforeChange = addDays(changeDate, -1);
  return {
    before: { activeFrom, activeTo: activeTo == null ? dayBeforeChange : minDate(activeTo, dayBeforeChange) },
    after: { activeFrom: maxDate(activeFrom, changeDate), activeTo: activeTo ?? null },
  };
}

export function prorateTariffChange(input: TariffChangeInput): { before: ProratedCharge; after: ProratedCharge } {
  const split = splitAtChange(input.activeFrom, input.activeTo, input.changeDate);
  return {
    before: prorate({ fullPriceMinor: input.oldPriceMinor, period: input.period, ...split.before }),
    after: prorate({ fullPriceMinor: input.newPriceMinor, period: input.period, ...split.after }),
  };
}
