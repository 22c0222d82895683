import {
  addDays,
  daysBetween,
  isIsoDate,
  isoWeekday,
  isValidTimeZone,
  localDate,
  localMidnight,
  minutesOfDay,
  toLocal,
  zonedTimeToInstant,
} from '../../../../domain/dunning/zoned-time';

describe('zoned-time', () => {
  it('validates IANA zones through Intl', () => {
    expect(isValidTimeZone('Asia/Dhaka')).toBe(true);
    expect(isValidTimeZone('Europe/Prague')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-05', '2026-12-19')).toBe(14);
    expect(daysBetween('2026-12-05', '2026-12-02')).toBe(-3);
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(isoWeekday('2026-10-26')).toBe(1);
    expect(isoWeekday('2026-10-24')).toBe(6);
    expect(isoWeekday('2026-10-25')).toBe(7);
  });

  it('parses HH:MM and rejects other shapes', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('21:30')).toBe(1290);
    expect(() => minutesOfDay('24:00')).toThrow(/HH:MM/);
    expect(() => minutesOfDay('9:00')).toThrow(/HH:MM/);
  });

  it('reads the local calendar date, which differs from the UTC date near midnight', () => {
    expect(localDate(new Date('2026-12-04T18:00:00Z'), 'Asia/Dhaka')).toBe('2026-12-05');
    expect(localDate(new Date('2026-12-04T17:59:59Z'), 'Asia/Dhaka')).toBe('2026-12-04');
    expect(toLocal(new Date('2026-10-24T08:00:00Z'), 'Europe/Prague')).toEqual({ date: '2026-10-24', minutes: 600, second: 0 });
  });

  it('finds the instant of a local wall time on either side of a DST change', () => {
    expect(zonedTimeToInstant('2026-10-24', 9 * 60, 'Europe/Prague').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(zonedTimeToInstant('2026-10-26', 9 * 60, 'Europe/Prague').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(localMidnight('2026-12-05', 'Asia/Dhaka').toISOString()).toBe('2026-12-04T18:00:00.000Z');
  });

  it('pushes a wall time skipped by spring-forward ahead by the gap', () => {
    // Prague 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens.
    expect(zonedTimeToInstant('2026-03-29', 150, 'Europe/Prague').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toLocal(new Date('2026-03-29T01:30:00Z'), 'Europe/Prague').minutes).toBe(210);
  });

  it('resolves a wall time repeated by fall-back to its first occurrence', () => {
    // Prague 2026-10-25: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(zonedTimeToInstant('2026-10-25', 150, 'Europe/Prague').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('finds local midnight on a day whose midnight was skipped', () => {
    // Santiago 2022-09-11 sprang forward at 00:00, so the day began at 01:00.
    const start = localMidnight('2022-09-11', 'America/Santiago');
    expect(toLocal(start, 'America/Santiago')).toEqual({ date: '2022-09-11', minutes: 60, second: 0 });
  });

  it('rejects malformed dates instead of guessing', () => {
    expect(() => addDays('05/12/2026', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => toLocal(new Date('nope'), 'Asia/Dhaka')).toThrow(/invalid Date/);
  });
});
