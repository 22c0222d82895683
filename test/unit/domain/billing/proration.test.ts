import {
  PRORATION_RULE,
  activeSpan,
  daysInPeriod,
  prorate,
  prorateTariffChange,
  splitAtChange,
} from '../../../../domain/billing/proration';
import { BillingRuleError } from '../../../../domain/billing/errors';

const april = { start: '2025-04-01', end: '2025-04-30' };
const march = { start: '2025-03-01', end: '2025-03-31' };

describe('proration by calendar days', () => {
  it('documents the rule', () => {
    expect(PRORATION_RULE).toContain('round_half_up(full price × days used / days in period)');
  });

  it('counts period days inclusively', () => {
    expect(daysInPeriod(april)).toBe(30);
    expect(daysInPeriod({ start: '2025-02-28', end: '2025-03-30' })).toBe(31);
    expect(daysInPeriod({ start: '2024-01-01', end: '2024-12-31' })).toBe(366);
    expect(daysInPeriod({ start: '2025-03-30', end: '2025-03-30' })).toBe(1);
    expect(() => daysInPeriod({ start: '2025-04-02', end: '2025-04-01' })).toThrow(BillingRuleError);
  });

  it('charges a whole period at full price', () => {
    expect(prorate({ fullPriceMinor: 59_900, period: april, activeFrom: '2025-01-15' })).toEqual({
      fullPriceMinor: 59_900,
      daysInPeriod: 30,
      daysUsed: 30,
      span: { from: '2025-04-01', to: '2025-04-30', days: 30 },
      amountMinor: 59_900,
    });
  });

  it('prorates a start mid-period, first day included', () => {
    const charge = prorate({ fullPriceMinor: 59_900, period: april, activeFrom: '2025-04-11' });
    expect(charge.daysUsed).toBe(20);
    expect(charge.amountMinor).toBe(39_933); // 39 933.33
  });

  it('prorates an end mid-period, last day included', () => {
    const charge = prorate({ fullPriceMinor: 59_900, period: april, activeFrom: '2025-03-01', activeTo: '2025-04-10' });
    expect(charge.span).toEqual({ from: '2025-04-01', to: '2025-04-10', days: 10 });
    expect(charge.amountMinor).toBe(19_967); // 19 966.67
  });

  it('prorates a start and end inside the same period', () => {
    const charge = prorate({ fullPriceMinor: 31_000, period: march, activeFrom: '2025-03-10', activeTo: '2025-03-20' });
    expect(charge.daysUsed).toBe(11);
    expect(charge.amountMinor).toBe(11_000);
  });

  it('rounds exact halves up', () => {
    const february = { start: '2025-02-01', end: '2025-02-28' };
    expect(prorate({ fullPriceMinor: 14, period: february, activeFrom: '2025-02-28' }).amountMinor).toBe(1); // 0.5
    expect(prorate({ fullPriceMinor: 42, period: february, activeFrom: '2025-02-28' }).amountMinor).toBe(2); // 1.5
    expect(prorate({ fullPriceMinor: 41, period: february, activeFrom: '2025-02-28' }).amountMinor).toBe(1); // 1.46
  });

  it('uses 366 days in a leap-year annual period', () => {
    const year = { start: '2024-01-01', end: '2024-12-31' };
    expect(prorate({ fullPriceMinor: 366_000, period: year, activeFrom: '2024-02-29', activeTo: '2024-02-29' }).amountMinor).toBe(1_000);
    expect(prorate({ fullPriceMinor: 1_200_00, period: year, activeFrom: '2024-07-01' }).amountMinor).toBe(60_328); // 184 days: 60 327.87
  });

  it('charges nothing when the subscription is not active in the period', () => {
    const charge = prorate({ fullPriceMinor: 59_900, period: april, activeFrom: '2025-05-01' });
    expect(charge).toMatchObject({ daysUsed: 0, span: null, amountMinor: 0 });
    expect(activeSpan(april, '2025-01-01', '2025-03-31')).toBeNull();
  });

  it('rejects prices that are not whole non-negative minor units', () => {
    expect(() => prorate({ fullPriceMinor: -1, period: april, activeFrom: '2025-04-01' })).toThrow(BillingRuleError);
    expect(() => prorate({ fullPriceMinor: 10.5, period: april, activeFrom: '2025-04-01' })).toThrow(BillingRuleError);
  });
});

describe('tariff change mid-period', () => {
  it('upgrades: old tariff before the change date, new tariff from it', () => {
    const { before, after } = prorateTariffChange({
      period: march,
      activeFrom: '2025-01-01',
      changeDate: '2025-03-11',
      oldPriceMinor: 50_000,
      newPriceMinor: 80_000,
    });
    expect(before).toMatchObject({ daysUsed: 10, span: { from: '2025-03-01', to: '2025-03-10', days: 10 }, amountMinor: 16_129 });
    expect(after).toMatchObject({ daysUsed: 21, span: { from: '2025-03-11', to: '2025-03-31', days: 21 }, amountMinor: 54_194 });
  });

  it('downgrades by the same rule', () => {
    const { before, after } = prorateTariffChange({
      period: march,
      activeFrom: '2025-01-01',
      changeDate: '2025-03-11',
      oldPriceMinor: 80_000,
      newPriceMinor: 50_000,
    });
    expect(before.amountMinor).toBe(25_806); // 25 806.45
    expect(after.amountMinor).toBe(33_871); // 33 870.97
  });

  it('combines with a start and an end inside the period', () => {
    const { before, after } = prorateTariffChange({
      period: april,
      activeFrom: '2025-04-06',
      activeTo: '2025-04-25',
      changeDate: '2025-04-16',
      oldPriceMinor: 30_000,
      newPriceMinor: 45_000,
    });
    expect([before.daysUsed, before.amountMinor]).toEqual([10, 10_000]);
    expect([after.daysUsed, after.amountMinor]).toEqual([10, 15_000]);
  });

  it('bills only the new tariff when the change falls on the first day of the period', () => {
    const { before, after } = prorateTariffChange({
      period: march,
      activeFrom: '2025-01-01',
      changeDate: '2025-03-01',
      oldPriceMinor: 50_000,
      newPriceMinor: 80_000,
    });
    expect([before.daysUsed, before.amountMinor]).toEqual([0, 0]);
    expect([after.daysUsed, after.amountMinor]).toEqual([31, 80_000]);
  });

  it('splits the active range at the change date', () => {
    expect(splitAtChange('2025-03-05', null, '2025-03-11')).toEqual({
      before: { activeFrom: '2025-03-05', activeTo: '2025-03-10' },
      after: { activeFrom: '2025-03-11', activeTo: null },
    });
    expect(splitAtChange('2025-03-05', '2025-03-08', '2025-03-11')).toEqual({
      before: { activeFrom: '2025-03-05', activeTo: '2025-03-08' },
      after: { activeFrom: '2025-03-11', activeTo: '2025-03-08' },
    });
  });
});
