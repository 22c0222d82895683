// Wall-clock arithmetic in an IANA time zone using only Intl.DateTimeFormat, so it
// runs unchanged inside the Temporal workflow sandbox (no tz database of our own).
// Calendar dates are 'YYYY-MM-DD' strings; times of day are minutes after midnight.

import { isCalendarDate, toDayNumber } from '../billing/calendar-date';

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Plain date arithmetic is shared with billing: one implementation of the calendar.
export { addDays, daysBetween } from '../billing/calendar-date';

export function isIsoDate(value: string): boolean {
  return isCalendarDate(value);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: IsoDate): number {
  const jsDay = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return jsDay === 0 ? 7 : jsDay;
}

export function isHhMm(value: string): boolean {
  return HH_MM.test(value);
}

export function minutesOfDay(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

// Constructing a DateTimeFormat is the expensive part; the cache holds no
// time-dependent state, so it does not break workflow determinism.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateTime {
  date: IsoDate;
  /** Minutes after local midnight, 0–1439. */
  minutes: number;
  second: number;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid Date');
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24; // some engines print midnight as 24 even with h23
  return {
    date: `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
}

export function localDate(instant: Date, timeZone: string): IsoDate {
  return toLocal(instant, timeZone).date;
}

/** Wall-clock reading minus UTC at that instant, in ms (Prague summer: +7 200 000). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const l = toLocal(new Date(wholeSecond), timeZone);
  return toDayNumber(l.date) * MS_PER_DAY + l.minutes * 60_000 + l.second * 1000 - wholeSecond;
}

/**
 * The instant at which the clocks in `timeZone` read `date` `minutes`.
 * Mirrors the Temporal API's 'compatible' disambiguation: a wall time repeated by a
 * fall-back overlap resolves to the earlier instant; a wall time skipped by a
 * spring-forward gap is pushed forward by the gap (Prague 02:30 → 03:30 CEST).
 */
export function zonedTimeToInstant(date: IsoDate, minutes: number, timeZone: string): Date {
  const wall = toDayNumber(date) * MS_PER_DAY + minutes * 60_000;
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(wall - MS_PER_DAY, timeZone);
  const after = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}

export function localMidnight(date: IsoDate, timeZone: string): Date {
  return zonedTimeToInstant(date, 0, timeZone);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026-12-20 18:00 +06:00": the wall clock in `timeZone`, naming its offset so it is unambiguous. */
export function formatLocal(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  const offset = Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
  const abs = Math.abs(offset);
  return `${local.date} ${pad2(Math.floor(local.minutes / 60))}:${pad2(local.minutes % 60)} ${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
