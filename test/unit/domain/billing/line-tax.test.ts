import { effectiveTaxRate, lineTax, taxInGross, taxOnNet } from '../../../../domain/billing/line-tax';
import { BillingRuleError } from '../../../../domain/billing/errors';

describe('tax on tax-exclusive amounts', () => {
  it('adds round_half_up(net × rate / 10000)', () => {
    expect(taxOnNet(59_900, 2_100)).toEqual({ taxRateBasisPoints: 2_100, netMinor: 59_900, taxMinor: 12_579, totalMinor: 72_479 });
    expect(taxOnNet(100_000, 1_500)).toEqual({ taxRateBasisPoints: 1_500, netMinor: 100_000, taxMinor: 15_000, totalMinor: 115_000 });
  });

  it('rounds x.5 up and x.49 down', () => {
    expect(taxOnNet(50, 2_100).taxMinor).toBe(11); // 10.5
    expect(taxOnNet(150, 2_100).taxMinor).toBe(32); // 31.5
    expect(taxOnNet(10, 1_500).taxMinor).toBe(2); // 1.5
    expect(taxOnNet(49, 2_100).taxMinor).toBe(10); // 10.29
    expect(taxOnNet(1_005, 500).taxMinor).toBe(50); // 50.25
    expect(taxOnNet(1_010, 500).taxMinor).toBe(51); // 50.5
  });
});

describe('tax inside tax-inclusive amounts', () => {
  it('extracts net = round_half_up(gross × 10000 / (10000 + rate)) and tax = gross − net', () => {
    expect(taxInGross(60_500, 2_100)).toEqual({ taxRateBasisPoints: 2_100, netMinor: 50_000, taxMinor: 10_500, totalMinor: 60_500 });
    expect(taxInGross(59_900, 2_100)).toEqual({ taxRateBasisPoints: 2_100, netMinor: 49_504, taxMinor: 10_396, totalMinor: 59_900 });
    expect(taxInGross(115_000, 1_500)).toEqual({ taxRateBasisPoints: 1_500, netMinor: 100_000, taxMinor: 15_000, totalMinor: 115_000 });
  });

  it('rounds an exact half of net up, which rounds the tax down', () => {
    expect(taxInGross(3, 2_000)).toMatchObject({ netMinor: 3, taxMinor: 0 }); // net 2.5
    expect(taxInGross(9, 2_000)).toMatchObject({ netMinor: 8, taxMinor: 1 }); // net 7.5
    expect(taxInGross(15, 2_000)).toMatchObject({ netMinor: 13, taxMinor: 2 }); // net 12.5
    expect(taxInGross(16, 2_800)).toMatchObject({ netMinor: 13, taxMinor: 3 }); // net 12.5
  });
});

describe('lineTax', () => {
  it('dispatches on the tax mode', () => {
    expect(lineTax(1_000, 2_100, 'exclusive')).toMatchObject({ netMinor: 1_000, taxMinor: 210, totalMinor: 1_210 });
    expect(lineTax(1_210, 2_100, 'inclusive')).toMatchObject({ netMinor: 1_000, taxMinor: 210, totalMinor: 1_210 });
    expect(() => lineTax(1_000, 2_100, 'gross' as never)).toThrow(/inclusive' or 'exclusive/);
  });

  it('keeps net + tax = total for every amount and common rate', () => {
    let taxSum = 0;
    for (const rate of [0, 500, 1_000, 1_500, 2_000, 2_100, 2_500]) {
      for (let amount = 0; amount <= 2_000; amount++) {
        for (const mode of ['inclusive', 'exclusive'] as const) {
          const t = lineTax(amount, rate, mode);
          if (t.netMinor + t.taxMinor !== t.totalMinor || t.taxMinor < 0) throw new Error(`${mode} ${amount} @ ${rate}`);
          taxSum += t.taxMinor;
        }
      }
    }
    expect(taxSum).toBeGreaterThan(0);
  });

  it('taxes exempt customers at rate 0', () => {
    expect(effectiveTaxRate(2_100, true)).toBe(0);
    expect(effectiveTaxRate(2_100, false)).toBe(2_100);
    expect(lineTax(59_900, effectiveTaxRate(2_100, true), 'inclusive')).toMatchObject({ netMinor: 59_900, taxMinor: 0, totalMinor: 59_900 });
  });

  it('rejects negative amounts and impossible rates', () => {
    expect(() => taxOnNet(-1, 2_100)).toThrow(BillingRuleError);
    expect(() => taxInGross(100, 10_001)).toThrow(/basis points between 0 and 10000/);
    expect(() => taxOnNet(100, 21.5)).toThrow(BillingRuleError);
    expect(() => effectiveTaxRate(-5, true)).toThrow(BillingRuleError);
  });
});
