import { buildInvoiceLines, SubscriptionCharge } from '../../../../domain/billing/invoice-lines';
import { chargesForTariffChange } from '../../../../domain/billing/tariff-change';

const base: SubscriptionCharge = {
  kind: 'subscription',
  description: 'Fiber 300',
  referenceId: 'sub-1',
  tariffPriceMinor: 50_000,
  period: { start: '2025-03-01', end: '2025-03-31' },
  activeFrom: '2025-01-01',
  taxRateBasisPoints: 2_100,
  taxMode: 'exclusive',
};
const taxed = { taxExempt: false };

describe('chargesForTariffChange', () => {
  it('bills an upgrade as old tariff before the change and new tariff from it', () => {
    const charges = chargesForTariffChange(base, { changeDate: '2025-03-11', newTariffPriceMinor: 80_000, newDescription: 'Fiber 1000' });
    const lines = buildInvoiceLines(charges, taxed);
    expect(lines.map((l) => [l.description, l.activeFrom, l.activeTo, l.daysUsed, l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      ['Fiber 300', '2025-03-01', '2025-03-10', 10, 16_129, 3_387, 19_516],
      ['Fiber 1000', '2025-03-11', '2025-03-31', 21, 54_194, 11_381, 65_575],
    ]);
  });

  it('bills a downgrade the same way', () => {
    const charges = chargesForTariffChange({ ...base, tariffPriceMinor: 80_000 }, { changeDate: '2025-03-11', newTariffPriceMinor: 50_000 });
    expect(buildInvoiceLines(charges, taxed).map((l) => l.netMinor)).toEqual([25_806, 33_871]);
  });

  it('drops the override of the old tariff, keeps percentage discounts and gives the fixed discount once', () => {
    const charges = chargesForTariffChange(
      { ...base, priceOverrideMinor: 45_000, discountBasisPoints: 1_000, fixedDiscountMinor: 2_000 },
      { changeDate: '2025-03-11', newTariffPriceMinor: 80_000 },
    );
    expect(buildInvoiceLines(charges, taxed).map((l) => [l.chargedMinor, l.discountMinor, l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      [14_516, 1_452, 13_064, 2_743, 15_807], // 45 000 × 10 / 31 = 14 516.13; 10 % = 1 451.6
      [54_194, 7_419, 46_775, 9_823, 56_598], // 5 419 (5 419.4) + 2 000; tax 9 822.75
    ]);
  });

  it('leaves out a segment without active days', () => {
    const onFirstDay = chargesForTariffChange(base, { changeDate: '2025-03-01', newTariffPriceMinor: 80_000 });
    expect(onFirstDay).toHaveLength(1);
    expect(buildInvoiceLines(onFirstDay, taxed)[0]).toMatchObject({ unitPriceMinor: 80_000, daysUsed: 31, netMinor: 80_000 });

    const afterEnd = chargesForTariffChange({ ...base, activeTo: '2025-03-20', fixedDiscountMinor: 100 }, { changeDate: '2025-04-01', newTariffPriceMinor: 80_000 });
    expect(afterEnd).toHaveLength(1);
    expect(buildInvoiceLines(afterEnd, taxed)[0]).toMatchObject({ unitPriceMinor: 50_000, daysUsed: 20, discountMinor: 100, netMinor: 32_158 });
  });
});
