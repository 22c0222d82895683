import { addBillingMonths, billingMonthOf } from '../../../../domain/billing/billing-month';
import {
  BillingCycle,
  CYCLE_MONTHS,
  ServicePeriod,
  anchoredStart,
  nextServicePeriod,
  periodsDueInMonth,
  servicePeriodContaining,
} from '../../../../domain/billing/billing-periods';
import { addDays, lastDayOfMonth, localDateAt, parseCalendarDate } from '../../../../domain/billing/calendar-date';
import { BillingRuleError } from '../../../../domain/billing/errors';

function periodsForMonths(
  input: { cycle: BillingCycle; anchorDay: number; subscriptionStart: string; subscriptionEnd?: string | null },
  firstMonth: string,
  count: number,
): Record<string, ServicePeriod[]> {
  const out: Record<string, ServicePeriod[]> = {};
  for (let i = 0; i < count; i++) {
    const billingMonth = addBillingMonths(firstMonth, i);
    out[billingMonth] = periodsDueInMonth({ ...input, billingMonth });
  }
  return out;
}

const p = (start: string, end: string): ServicePeriod => ({ start, end });

describe('anchored monthly periods', () => {
  it('anchors on the 31st through 2025: end of February, then back to the 31st', () => {
    const due = periodsForMonths({ cycle: 'monthly', anchorDay: 31, subscriptionStart: '2025-01-31' }, '2025-01', 13);
    expect(due).toEqual({
      '2025-01': [p('2025-01-31', '2025-02-27')],
      '2025-02': [p('2025-02-28', '2025-03-30')],
      '2025-03': [p('2025-03-31', '2025-04-29')],
      '2025-04': [p('2025-04-30', '2025-05-30')],
      '2025-05': [p('2025-05-31', '2025-06-29')],
      '2025-06': [p('2025-06-30', '2025-07-30')],
      '2025-07': [p('2025-07-31', '2025-08-30')],
      '2025-08': [p('2025-08-31', '2025-09-29')],
      '2025-09': [p('2025-09-30', '2025-10-30')],
      '2025-10': [p('2025-10-31', '2025-11-29')],
      '2025-11': [p('2025-11-30', '2025-12-30')],
      '2025-12': [p('2025-12-31', '2026-01-30')],
      '2026-01': [p('2026-01-31', '2026-02-27')],
    });
  });

  it('anchors on the 31st in leap year 2024: 29 February, then 31 March', () => {
    const due = periodsForMonths({ cycle: 'monthly', anchorDay: 31, subscriptionStart: '2024-01-31' }, '2024-01', 3);
    expect(due).toEqual({
      '2024-01': [p('2024-01-31', '2024-02-28')],
      '2024-02': [p('2024-02-29', '2024-03-30')],
      '2024-03': [p('2024-03-31', '2024-04-29')],
    });
  });

  it('keeps a 29 February anchor on the 29th, on 28 February in common years', () => {
    const schedule = { cycle: 'monthly' as const, anchorDay: 29, subscriptionStart: '2024-02-29' };
    expect(periodsDueInMonth({ ...schedule, billingMonth: '2024-02' })).toEqual([p('2024-02-29', '2024-03-28')]);
    expect(periodsDueInMonth({ ...schedule, billingMonth: '2025-01' })).toEqual([p('2025-01-29', '2025-02-27')]);
    expect(periodsDueInMonth({ ...schedule, billingMonth: '2025-02' })).toEqual([p('2025-02-28', '2025-03-28')]);
    expect(periodsDueInMonth({ ...schedule, billingMonth: '2025-03' })).toEqual([p('2025-03-29', '2025-04-28')]);
    expect(periodsDueInMonth({ ...schedule, billingMonth: '2024-01' })).toEqual([]);
  });

  it('bills the stub before the anchor in the month the subscription starts, never in an earlier run', () => {
    const schedule = { cycle: 'monthly' as const, anchorDay: 25, subscriptionStart: '2025-01-20' };
    expect(periodsForMonths(schedule, '2024-12', 3)).toEqual({
      '2024-12': [],
      '2025-01': [p('2024-12-25', '2025-01-24'), p('2025-01-25', '2025-02-24')],
      '2025-02': [p('2025-02-25', '2025-03-24')],
    });
  });

  it('stops after the subscription ends', () => {
    const schedule = { cycle: 'monthly' as const, anchorDay: 1, subscriptionStart: '2025-01-01' };
    expect(periodsDueInMonth({ ...schedule, subscriptionEnd: '2025-03-15', billingMonth: '2025-03' })).toEqual([
      p('2025-03-01', '2025-03-31'),
    ]);
    expect(periodsDueInMonth({ ...schedule, subscriptionEnd: '2025-03-15', billingMonth: '2025-04' })).toEqual([]);
    expect(periodsDueInMonth({ ...schedule, subscriptionEnd: '2025-02-28', billingMonth: '2025-03' })).toEqual([]);
    expect(periodsDueInMonth({ ...schedule, subscriptionEnd: '2025-03-01', billingMonth: '2025-03' })).toEqual([
      p('2025-03-01', '2025-03-31'),
    ]);
    expect(periodsDueInMonth({ ...schedule, subscriptionEnd: null, billingMonth: '2030-12' })).toEqual([
      p('2030-12-01', '2030-12-31'),
    ]);
  });
});

describe('quarterly and annual periods', () => {
  it('bills a quarterly subscription started in January in January, April, July and October', () => {
    const due = periodsForMonths({ cycle: 'quarterly', anchorDay: 15, subscriptionStart: '2025-01-15' }, '2025-01', 12);
    expect(Object.entries(due).filter(([, periods]) => periods.length > 0)).toEqual([
      ['2025-01', [p('2025-01-15', '2025-04-14')]],
      ['2025-04', [p('2025-04-15', '2025-07-14')]],
      ['2025-07', [p('2025-07-15', '2025-10-14')]],
      ['2025-10', [p('2025-10-15', '2026-01-14')]],
    ]);
  });

  it('clamps a quarterly 31st anchor to shorter months', () => {
    const due = periodsForMonths({ cycle: 'quarterly', anchorDay: 31, subscriptionStart: '2025-01-31' }, '2025-01', 12);
    expect(Object.values(due).flat()).toEqual([
      p('2025-01-31', '2025-04-29'),
      p('2025-04-30', '2025-07-30'),
      p('2025-07-31', '2025-10-30'),
      p('2025-10-31', '2026-01-30'),
    ]);
  });

  it('counts the quarterly grid from the start month even when the start precedes the anchor day', () => {
    const due = periodsForMonths({ cycle: 'quarterly', anchorDay: 25, subscriptionStart: '2025-01-20' }, '2025-01', 4);
    expect(due).toEqual({
      '2025-01': [p('2024-10-25', '2025-01-24'), p('2025-01-25', '2025-04-24')],
      '2025-02': [],
      '2025-03': [],
      '2025-04': [p('2025-04-25', '2025-07-24')],
    });
  });

  it('renews an annual 29 February subscription on 28 February until the next leap year', () => {
    const due = periodsForMonths({ cycle: 'annual', anchorDay: 29, subscriptionStart: '2024-02-29' }, '2024-01', 61);
    expect(Object.entries(due).filter(([, periods]) => periods.length > 0)).toEqual([
      ['2024-02', [p('2024-02-29', '2025-02-27')]],
      ['2025-02', [p('2025-02-28', '2026-02-27')]],
      ['2026-02', [p('2026-02-28', '2027-02-27')]],
      ['2027-02', [p('2027-02-28', '2028-02-28')]],
      ['2028-02', [p('2028-02-29', '2029-02-27')]],
    ]);
  });
});

describe('servicePeriodContaining', () => {
  const schedule = { cycle: 'monthly' as const, anchorDay: 31, subscriptionStart: '2025-01-31' };

  it('finds the period around a date and the one starting on it', () => {
    expect(servicePeriodContaining(schedule, '2025-03-10')).toEqual(p('2025-02-28', '2025-03-30'));
    expect(servicePeriodContaining(schedule, '2025-03-30')).toEqual(p('2025-02-28', '2025-03-30'));
    expect(servicePeriodContaining(schedule, '2025-03-31')).toEqual(p('2025-03-31', '2025-04-29'));
    expect(servicePeriodContaining(schedule, '2025-01-01')).toEqual(p('2024-12-31', '2025-01-30'));
    expect(nextServicePeriod(schedule, p('2025-01-31', '2025-02-27'))).toEqual(p('2025-02-28', '2025-03-30'));
    expect(anchoredStart(2025, 2, 30)).toBe('2025-02-28');
    expect(anchoredStart(2025, 4, 30)).toBe('2025-04-30');
  });

  it('rejects bad schedules and billing months', () => {
    for (const anchorDay of [0, 32, 1.5]) {
      expect(() => servicePeriodContaining({ ...schedule, anchorDay }, '2025-03-10')).toThrow(/anchor day must be a whole number 1–31/);
    }
    expect(() => servicePeriodContaining({ ...schedule, cycle: 'weekly' as BillingCycle }, '2025-03-10')).toThrow(
      /monthly, quarterly or annual/,
    );
    expect(() => periodsDueInMonth({ ...schedule, billingMonth: '2025-13' })).toThrow(/YYYY-MM/);
    expect(() => periodsDueInMonth({ ...schedule, subscriptionEnd: '2025-01-30', billingMonth: '2025-01' })).toThrow(
      BillingRuleError,
    );
  });
});

describe('consecutive billing runs', () => {
  it('cover every day exactly once for all anchors, cycles and awkward start dates', () => {
    const starts = ['2023-11-30', '2024-01-31', '2024-02-29', '2025-02-28', '2025-06-15', '2025-12-31', '2025-03-01'];
    let combinations = 0;
    for (const cycle of Object.keys(CYCLE_MONTHS) as BillingCycle[]) {
      for (let anchorDay = 1; anchorDay <= 31; anchorDay++) {
        for (const subscriptionStart of starts) {
          const schedule = { cycle, anchorDay, subscriptionStart };
          // Two months before the start month, then the start month and 49 more.
          const all = Object.values(periodsForMonths(schedule, addBillingMonths(billingMonthOf(subscriptionStart), -2), 52)).flat();
          const start = parseCalendarDate(subscriptionStart);
          const stub = start.day < Math.min(anchorDay, lastDayOfMonth(start.year, start.month)) ? 1 : 0;
          const expectedCount = Math.ceil(50 / CYCLE_MONTHS[cycle]) + stub;
          let expectedStart = servicePeriodContaining(schedule, subscriptionStart).start;
          const ok = all.length === expectedCount && all.every((period) => {
            const { year, month, day } = parseCalendarDate(period.start);
            const fits = period.start === expectedStart && day === Math.min(anchorDay, lastDayOfMonth(year, month));
            expectedStart = addDays(period.end, 1);
            return fits;
          });
          if (!ok) throw new Error(`${cycle}/${anchorDay}/${subscriptionStart}: ${JSON.stringify(all)}`);
          combinations++;
        }
      }
    }
    expect(combinations).toBe(3 * 31 * 7);
  });

  it('never bills a period twice when Prague runs start at 00:30 or 23:30 local time across DST', () => {
    const schedule = { cycle: 'monthly' as const, anchorDay: 30, subscriptionStart: '2024-12-30' };
    // Run instants (UTC) at local 23:30 on the eve and 00:30 on the 1st; CET = UTC+1, CEST = UTC+2.
    const runs = [
      '2025-02-28T22:30:00Z', '2025-02-28T23:30:00Z', // 23:30 / 00:30 CET → Feb, Mar
      '2025-03-30T21:30:00Z', '2025-03-30T22:30:00Z', // 30 Mar (DST day) 23:30 CEST, 31 Mar 00:30 CEST
      '2025-03-31T21:30:00Z', '2025-03-31T22:30:00Z', // 31 Mar 23:30 CEST → Mar, 1 Apr 00:30 CEST → Apr
      '2025-10-25T22:30:00Z', '2025-10-26T22:30:00Z', // 26 Oct (DST day) 00:30 CEST, 23:30 CET
      '2025-10-31T22:30:00Z', '2025-10-31T23:30:00Z', // 31 Oct 23:30 CET → Oct, 1 Nov 00:30 CET → Nov
    ];
    const months = runs.map((iso) => billingMonthOf(localDateAt(new Date(iso), 'Europe/Prague')));
    expect(months).toEqual(['2025-02', '2025-03', '2025-03', '2025-03', '2025-03', '2025-04', '2025-10', '2025-10', '2025-10', '2025-11']);

    const billed = new Map<string, ServicePeriod[]>();
    for (const billingMonth of months) billed.set(billingMonth, periodsDueInMonth({ ...schedule, billingMonth }));
    expect([...billed.values()].flat()).toEqual([
      p('2025-02-28', '2025-03-29'),
      p('2025-03-30', '2025-04-29'),
      p('2025-04-30', '2025-05-29'),
      p('2025-10-30', '2025-11-29'),
      p('2025-11-30', '2025-12-29'),
    ]);
  });
});
