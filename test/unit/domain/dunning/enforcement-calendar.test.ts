import { defaultDunningPolicy } from '../../../../domain/dunning/default-policy';
import {
  isEnforcementDay,
  nextAllowedEnforcementAt,
  nextAllowedSmsAt,
  type CalendarRules,
} from '../../../../domain/dunning/enforcement-calendar';

const PRAGUE = 'Europe/Prague';
const weekdays: CalendarRules = {
  enforcementDays: [1, 2, 3, 4, 5],
  enforcementHours: { from: '09:00', to: '17:00' },
  holidays: [],
};
const quiet = { smsQuietHours: { from: '21:00', to: '08:00' } };

function enforceAt(iso: string, calendar: CalendarRules = weekdays, timeZone = PRAGUE): string {
  return nextAllowedEnforcementAt(calendar, timeZone, new Date(iso)).toISOString();
}

function smsAt(iso: string, calendar = quiet, timeZone = PRAGUE): string {
  return nextAllowedSmsAt(calendar, timeZone, new Date(iso)).toISOString();
}

describe('nextAllowedEnforcementAt', () => {
  it('returns the same instant inside the window', () => {
    const from = new Date('2026-10-28T09:00:00Z'); // Wednesday 10:00 CET
    expect(nextAllowedEnforcementAt(weekdays, PRAGUE, from)).toBe(from);
    expect(enforceAt('2026-10-30T15:59:00Z')).toBe('2026-10-30T15:59:00.000Z'); // Friday 16:59
  });

  it('waits for opening time on an allowed day', () => {
    expect(enforceAt('2026-10-26T06:30:00Z')).toBe('2026-10-26T08:00:00.000Z'); // Monday 07:30 → 09:00
  });

  it('makes a Saturday cut-off wait until Monday 09:00, across the end of summer time', () => {
    // Saturday 2026-10-24 10:00 CEST; clocks go back on Sunday; Monday 09:00 is CET (UTC+1).
    expect(enforceAt('2026-10-24T08:00:00Z')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('makes a Saturday cut-off wait until Monday 09:00 in winter', () => {
    expect(enforceAt('2026-11-07T09:00:00Z')).toBe('2026-11-09T08:00:00.000Z');
  });

  it('treats closing time as closed', () => {
    expect(enforceAt('2026-10-30T16:00:00Z')).toBe('2026-11-02T08:00:00.000Z'); // Friday 17:00 → Monday 09:00
  });

  it('skips a holiday', () => {
    const calendar = { ...weekdays, holidays: ['2026-10-28'] };
    expect(enforceAt('2026-10-27T16:30:00Z', calendar)).toBe('2026-10-29T08:00:00.000Z'); // Tue 17:30 → Thu 09:00
    expect(enforceAt('2026-10-28T09:00:00Z', calendar)).toBe('2026-10-29T08:00:00.000Z'); // during the holiday
  });

  it('skips consecutive holidays running into a weekend', () => {
    const calendar = { ...weekdays, holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
    expect(enforceAt('2026-12-23T17:00:00Z', calendar)).toBe('2026-12-28T08:00:00.000Z'); // Wed 18:00 → Mon 09:00
  });

  it('moves an opening time skipped by spring-forward past the gap', () => {
    const nightly: CalendarRules = { enforcementDays: [1, 2, 3, 4, 5, 6, 7], enforcementHours: { from: '02:30', to: '05:00' }, holidays: [] };
    // Sunday 2026-03-29 01:00 CET: 02:30 does not exist that night, so the window opens at 03:30 CEST.
    expect(enforceAt('2026-03-29T00:00:00Z', nightly)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('uses the policy time zone (default policy: Dhaka, Sunday to Thursday)', () => {
    const { calendar, timezone } = defaultDunningPolicy();
    // Thursday 2026-12-17 17:30 Dhaka (UTC+6) → Sunday 2026-12-20 09:00 Dhaka: no cut-off on the Friday–Saturday weekend.
    expect(enforceAt('2026-12-17T11:30:00Z', calendar, timezone)).toBe('2026-12-20T03:00:00.000Z');
  });

  it('enforces Monday to Friday in Prague for a Czech ISP', () => {
    const { calendar, timezone } = defaultDunningPolicy('CZ');
    expect(timezone).toBe('Europe/Prague');
    // Friday 2026-12-18 17:30 Prague (UTC+1) → Monday 2026-12-21 09:00 Prague.
    expect(enforceAt('2026-12-18T16:30:00Z', calendar, timezone)).toBe('2026-12-21T08:00:00.000Z');
  });
});

describe('isEnforcementDay', () => {
  it('requires an allowed weekday that is not a holiday', () => {
    const calendar = { ...weekdays, holidays: ['2026-10-28'] };
    expect(isEnforcementDay(calendar, '2026-10-27')).toBe(true);
    expect(isEnforcementDay(calendar, '2026-10-28')).toBe(false);
    expect(isEnforcementDay(calendar, '2026-10-25')).toBe(false);
  });
});

describe('nextAllowedSmsAt', () => {
  it('sends outside quiet hours straight away, on any day', () => {
    const saturday = new Date('2026-10-24T08:00:00Z');
    expect(nextAllowedSmsAt(quiet, PRAGUE, saturday)).toBe(saturday);
    expect(smsAt('2026-11-03T19:59:00Z')).toBe('2026-11-03T19:59:00.000Z'); // 20:59
    expect(smsAt('2026-11-04T07:00:00Z')).toBe('2026-11-04T07:00:00.000Z'); // 08:00 exactly
  });

  it('holds evening messages until 08:00 the next morning', () => {
    expect(smsAt('2026-11-03T20:00:00Z')).toBe('2026-11-04T07:00:00.000Z'); // 21:00
    expect(smsAt('2026-11-03T21:30:00Z')).toBe('2026-11-04T07:00:00.000Z'); // 22:30
  });

  it('holds after-midnight messages until 08:00 the same morning', () => {
    expect(smsAt('2026-11-04T00:00:00Z')).toBe('2026-11-04T07:00:00.000Z'); // 01:00
  });

  it('counts the wait in local time across the end of summer time', () => {
    // Saturday 23:00 CEST → Sunday 08:00 CET: ten real hours.
    expect(smsAt('2026-10-24T21:00:00Z')).toBe('2026-10-25T07:00:00.000Z');
  });

  it('handles quiet hours that do not wrap midnight', () => {
    const lunch = { smsQuietHours: { from: '12:00', to: '14:00' } };
    expect(smsAt('2026-11-04T12:00:00Z', lunch)).toBe('2026-11-04T13:00:00.000Z'); // 13:00 → 14:00
    expect(smsAt('2026-11-04T21:00:00Z', lunch)).toBe('2026-11-04T21:00:00.000Z'); // 22:00 allowed
  });

  it('uses the default policy quiet hours in Dhaka', () => {
    const { calendar, timezone } = defaultDunningPolicy();
    expect(smsAt('2026-12-18T16:00:00Z', calendar, timezone)).toBe('2026-12-19T02:00:00.000Z'); // 22:00 → 08:00
  });
});
