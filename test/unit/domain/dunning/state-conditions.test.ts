import { defaultDunningPolicy } from '../../../../domain/dunning/default-policy';
import type { DunningStateRule } from '../../../../domain/dunning/policy-schema';
import {
  accountBlocker,
  dayThresholdReached,
  describeMatch,
  formatAmount,
  skippingTag,
  type DunningFacts,
} from '../../../../domain/dunning/state-conditions';

const throttled: DunningStateRule = defaultDunningPolicy().states[3];
const reminder: DunningStateRule = defaultDunningPolicy().states[0];

function facts(overrides: Partial<DunningFacts> = {}): DunningFacts {
  return { oldestUnpaidDueDate: '2026-12-05', overdueMinor: 120_000, unpaidInvoices: 1, tags: [], promiseToPayUntil: null, pausedUntil: null, ...overrides };
}

describe('state conditions', () => {
  it('formats minor units as major units without a currency', () => {
    expect(formatAmount(120_000)).toBe('1200.00');
    expect(formatAmount(5)).toBe('0.05');
  });

  it('reaches a day threshold on the day itself, also before the due date', () => {
    expect(dayThresholdReached(throttled, 9)).toBe(false);
    expect(dayThresholdReached(throttled, 10)).toBe(true);
    expect(dayThresholdReached(reminder, -4)).toBe(false);
    expect(dayThresholdReached(reminder, -3)).toBe(true);
  });

  it('finds the first tag that skips a state', () => {
    expect(skippingTag(throttled, ['business', 'enforcement-off'])).toBe('enforcement-off');
    expect(skippingTag(throttled, ['business'])).toBeNull();
    expect(skippingTag(reminder, ['vip'])).toBeNull();
  });

  it('says which account condition fails', () => {
    expect(accountBlocker(throttled, facts())).toBeNull();
    expect(accountBlocker(throttled, facts({ tags: ['vip'] }))).toBe("tagged 'vip'");
    expect(accountBlocker(throttled, facts({ overdueMinor: 4_999 }))).toBe('overdue 49.99 < 50.00');
    const twoInvoices = { ...throttled, conditions: { ...throttled.conditions, minUnpaidInvoices: 2 } };
    expect(accountBlocker(twoInvoices, facts())).toBe('1 unpaid invoice(s) < 2');
    expect(accountBlocker(twoInvoices, facts({ unpaidInvoices: 2 }))).toBeNull();
  });

  it('describes only the conditions worth mentioning', () => {
    expect(describeMatch(throttled, facts())).toEqual(['overdue 1200.00 ≥ 50.00']);
    expect(describeMatch(reminder, facts())).toEqual([]);
  });
});
