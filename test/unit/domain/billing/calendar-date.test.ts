import {
  addDays,
  addMonths,
  assertCalendarDate,
  calendarDate,
  compareDates,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  lastDayOfMonth,
  localDateAt,
  maxDate,
  minDate,
  parseCalendarDate,
  toDayNumber,
} from '../../../../domain/billing/calendar-date';
import { BillingRuleError } from '../../../../domain/billing/errors';

const HOUR_MS = 3_600_000;

describe('calendar arithmetic', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2025, 2)).toBe(28);
    expect(lastDayOfMonth(2100, 2)).toBe(28);
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => lastDayOfMonth(2025, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
  });

  it('parses and validates ISO dates', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(calendarDate(7, 3, 5)).toBe('0007-03-05');
    expect(assertCalendarDate('2025-12-31')).toBe('2025-12-31');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025-01-01T00:00', '', '0000-01-01']) {
      expect(isCalendarDate(bad)).toBe(false);
      expect(() => parseCalendarDate(bad)).toThrow(BillingRuleError);
    }
    expect(() => assertCalendarDate('2025-02-30', 'issue date')).toThrow(/issue date: calendar date '2025-02-30' does not exist/);
    expect(isCalendarDate(20250101)).toBe(false);
  });

  it('counts days from 1970-01-01 without gaps, matching the proleptic Gregorian calendar', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(19_723)).toBe('2024-01-01');
    const first = toDayNumber('1899-12-25');
    const last = toDayNumber('2101-01-05');
    expect(last - first).toBe(73_425);
    for (let n = first; n <= last; n++) {
      const date = fromDayNumber(n);
      expect(toDayNumber(date)).toBe(n);
      const { year, month, day } = parseCalendarDate(date);
      // Date.UTC serves only as an independent oracle here.
      if (Date.UTC(year, month - 1, day) / 86_400_000 !== n) throw new Error(`mismatch at ${date}`);
    }
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
    expect(() => addDays('2025-06-15', 1.5)).toThrow(BillingRuleError);
  });

  it('adds months, clamping to the last day of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
  });

  it('measures and compares dates', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(compareDates('2025-01-09', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(minDate('2025-02-01', '2025-01-31')).toBe('2025-01-31');
    expect(maxDate('2025-02-01', '2025-01-31')).toBe('2025-02-01');
  });
});

describe('localDateAt', () => {
  it('reads the Prague wall-clock date around the March DST change (last Sunday, 30 March 2025)', () => {
    expect(localDateAt(new Date('2025-03-29T22:30:00Z'), 'Europe/Prague')).toBe('2025-03-29'); // 23:30 CET
    expect(localDateAt(new Date('2025-03-29T23:30:00Z'), 'Europe/Prague')).toBe('2025-03-30'); // 00:30 CET
    expect(localDateAt(new Date('2025-03-30T21:30:00Z'), 'Europe/Prague')).toBe('2025-03-30'); // 23:30 CEST
    expect(localDateAt(new Date('2025-03-30T22:30:00Z'), 'Europe/Prague')).toBe('2025-03-31'); // 00:30 CEST
  });

  it('reads the Prague wall-clock date around the October DST change (last Sunday, 26 October 2025)', () => {
    expect(localDateAt(new Date('2025-10-25T21:30:00Z'), 'Europe/Prague')).toBe('2025-10-25'); // 23:30 CEST
    expect(localDateAt(new Date('2025-10-25T22:30:00Z'), 'Europe/Prague')).toBe('2025-10-26'); // 00:30 CEST
    expect(localDateAt(new Date('2025-10-26T00:30:00Z'), 'Europe/Prague')).toBe('2025-10-26'); // 02:30 CEST
    expect(localDateAt(new Date('2025-10-26T01:30:00Z'), 'Europe/Prague')).toBe('2025-10-26'); // 02:30 CET again
    expect(localDateAt(new Date('2025-10-26T22:30:00Z'), 'Europe/Prague')).toBe('2025-10-26'); // 23:30 CET
    expect(localDateAt(new Date('2025-10-26T23:30:00Z'), 'Europe/Prague')).toBe('2025-10-27'); // 00:30 CET
  });

  it('walks every hour of 2025 in Prague: each local day appears once, 23 h in March, 25 h in October', () => {
    const hoursPerDay = new Map<string, number>();
    let previous = localDateAt(new Date(Date.UTC(2024, 11, 31, 23)), 'Europe/Prague');
    for (let t = Date.UTC(2024, 11, 31, 23); t < Date.UTC(2025, 11, 31, 23); t += HOUR_MS) {
      const date = localDateAt(new Date(t), 'Europe/Prague');
      const step = daysBetween(previous, date);
      if (step !== 0 && step !== 1) throw new Error(`jumped ${step} days at ${new Date(t).toISOString()}`);
      hoursPerDay.set(date, (hoursPerDay.get(date) ?? 0) + 1);
      previous = date;
    }
    expect(hoursPerDay.size).toBe(365);
    expect([...hoursPerDay.keys()][0]).toBe('2025-01-01');
    expect([...hoursPerDay.keys()][364]).toBe('2025-12-31');
    expect(hoursPerDay.get('2025-03-30')).toBe(23);
    expect(hoursPerDay.get('2025-10-26')).toBe(25);
    const odd = [...hoursPerDay].filter(([, hours]) => hours !== 24).map(([date]) => date);
    expect(odd).toEqual(['2025-03-30', '2025-10-26']);
  });

  it('puts Asia/Dhaka (UTC+6) on the next day before UTC midnight', () => {
    expect(localDateAt(new Date('2025-01-31T17:59:59Z'), 'Asia/Dhaka')).toBe('2025-01-31');
    expect(localDateAt(new Date('2025-01-31T18:00:00Z'), 'Asia/Dhaka')).toBe('2025-02-01');
    expect(localDateAt(new Date('2025-02-28T23:30:00Z'), 'Asia/Dhaka')).toBe('2025-03-01');
    expect(localDateAt(new Date('2025-03-01T00:30:00Z'), 'Asia/Dhaka')).toBe('2025-03-01');
    expect(localDateAt(new Date('2024-12-31T18:00:00Z'), 'Asia/Dhaka')).toBe('2025-01-01');
    expect(localDateAt(new Date('2024-02-28T18:00:00Z'), 'Asia/Dhaka')).toBe('2024-02-29');
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(() => localDateAt(new Date('2025-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(
      /unknown IANA time zone 'Mars\/Olympus_Mons'/,
    );
    expect(() => localDateAt(new Date('not a date'), 'UTC')).toThrow(BillingRuleError);
  });
});
