import {
  INVOICE_LINE_RULES,
  OneOffCharge,
  SubscriptionCharge,
  applyDiscounts,
  buildInvoiceLines,
  oneOffLine,
  subscriptionLine,
} from '../../../../domain/billing/invoice-lines';
import { BillingRuleError } from '../../../../domain/billing/errors';

const taxed = { taxExempt: false };
const exempt = { taxExempt: true };

const internet: SubscriptionCharge = {
  kind: 'subscription',
  description: 'Fiber 300',
  referenceId: 'sub-1',
  tariffPriceMinor: 59_900,
  period: { start: '2025-04-01', end: '2025-04-30' },
  activeFrom: '2025-01-15',
  taxRateBasisPoints: 2_100,
  taxMode: 'exclusive',
};

describe('applyDiscounts', () => {
  it('takes the percentage first (rounded half-up), then the fixed amount', () => {
    expect(applyDiscounts(45, 1_000, 0)).toEqual({ percentDiscountMinor: 5, fixedDiscountMinor: 0, amountMinor: 40 }); // 4.5
    expect(applyDiscounts(39_933, 1_000, 500)).toEqual({ percentDiscountMinor: 3_993, fixedDiscountMinor: 500, amountMinor: 35_440 });
    expect(applyDiscounts(1_000)).toEqual({ percentDiscountMinor: 0, fixedDiscountMinor: 0, amountMinor: 1_000 });
  });

  it('never goes below zero', () => {
    expect(applyDiscounts(1_000, 5_000, 800)).toEqual({ percentDiscountMinor: 500, fixedDiscountMinor: 500, amountMinor: 0 });
    expect(applyDiscounts(1_000, 10_000, 50)).toEqual({ percentDiscountMinor: 1_000, fixedDiscountMinor: 0, amountMinor: 0 });
    expect(applyDiscounts(300, 0, 10_000)).toEqual({ percentDiscountMinor: 0, fixedDiscountMinor: 300, amountMinor: 0 });
  });

  it('rejects discounts above 100 % or negative', () => {
    expect(() => applyDiscounts(1_000, 10_001, 0)).toThrow(BillingRuleError);
    expect(() => applyDiscounts(1_000, 0, -1)).toThrow(BillingRuleError);
  });
});

describe('subscription lines', () => {
  it('documents the order of operations', () => {
    expect(INVOICE_LINE_RULES.indexOf('1. price')).toBeLessThan(INVOICE_LINE_RULES.indexOf('2. proration'));
    expect(INVOICE_LINE_RULES.indexOf('2. proration')).toBeLessThan(INVOICE_LINE_RULES.indexOf('3. discounts'));
    expect(INVOICE_LINE_RULES.indexOf('3. discounts')).toBeLessThan(INVOICE_LINE_RULES.indexOf('4. tax'));
  });

  it('bills a full period at the tariff price plus VAT', () => {
    expect(subscriptionLine(internet, taxed)).toEqual({
      kind: 'subscription',
      description: 'Fiber 300',
      referenceId: 'sub-1',
      periodStart: '2025-04-01',
      periodEnd: '2025-04-30',
      activeFrom: '2025-04-01',
      activeTo: '2025-04-30',
      daysUsed: 30,
      daysInPeriod: 30,
      quantity: 1,
      unitPriceMinor: 59_900,
      chargedMinor: 59_900,
      discountMinor: 0,
      taxMode: 'exclusive',
      taxRateBasisPoints: 2_100,
      netMinor: 59_900,
      taxMinor: 12_579,
      totalMinor: 72_479,
    });
  });

  it('prefers the price override to the tariff price', () => {
    const line = subscriptionLine({ ...internet, priceOverrideMinor: 49_900, taxRateBasisPoints: 1_500 }, taxed);
    expect(line).toMatchObject({ unitPriceMinor: 49_900, netMinor: 49_900, taxMinor: 7_485, totalMinor: 57_385 });
  });

  it('prorates, then discounts, then taxes', () => {
    const line = subscriptionLine(
      { ...internet, activeFrom: '2025-04-11', discountBasisPoints: 1_000, fixedDiscountMinor: 500 },
      taxed,
    );
    expect(line).toMatchObject({
      daysUsed: 20,
      chargedMinor: 39_933, // 59 900 × 20 / 30 = 39 933.33
      discountMinor: 4_493, // 3 993 (10 % of 39 933 = 3 993.3) + 500
      netMinor: 35_440,
      taxMinor: 7_442, // 7 442.4
      totalMinor: 42_882,
    });
  });

  it('discounts a tax-inclusive price on the gross and extracts the tax afterwards', () => {
    const line = subscriptionLine({ ...internet, taxMode: 'inclusive', discountBasisPoints: 2_500 }, taxed);
    expect(line).toMatchObject({ chargedMinor: 59_900, discountMinor: 14_975, netMinor: 37_128, taxMinor: 7_797, totalMinor: 44_925 });
  });

  it('charges no VAT to a tax-exempt customer', () => {
    expect(subscriptionLine(internet, exempt)).toMatchObject({ taxRateBasisPoints: 0, netMinor: 59_900, taxMinor: 0, totalMinor: 59_900 });
    expect(subscriptionLine({ ...internet, taxMode: 'inclusive' }, exempt)).toMatchObject({
      taxRateBasisPoints: 0,
      netMinor: 59_900,
      taxMinor: 0,
      totalMinor: 59_900,
    });
  });

  it('refuses a subscription that is not active in the period', () => {
    expect(() => subscriptionLine({ ...internet, activeFrom: '2025-05-01' }, taxed)).toThrow(
      "'Fiber 300' is not active in period 2025-04-01..2025-04-30",
    );
  });
});

describe('one-off lines', () => {
  const installation: OneOffCharge = {
    kind: 'installation',
    description: 'Installation',
    unitPriceMinor: 150_000,
    taxRateBasisPoints: 2_100,
    taxMode: 'exclusive',
  };

  it('bills installation, equipment and late fees', () => {
    const lines = buildInvoiceLines(
      [
        installation,
        { kind: 'equipment', description: 'Router', referenceId: 'eq-7', unitPriceMinor: 2_499, quantity: 2, taxRateBasisPoints: 2_100, taxMode: 'inclusive' },
        { kind: 'late_fee', description: 'Late fee', unitPriceMinor: 5_000, taxRateBasisPoints: 0, taxMode: 'exclusive' },
      ],
      taxed,
    );
    expect(lines.map((l) => [l.kind, l.quantity, l.chargedMinor, l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      ['installation', 1, 150_000, 150_000, 31_500, 181_500],
      ['equipment', 2, 4_998, 4_131, 867, 4_998], // net 4 130.58
      ['late_fee', 1, 5_000, 5_000, 0, 5_000],
    ]);
    expect(lines[1]).toMatchObject({ referenceId: 'eq-7', periodStart: null, daysUsed: null });
  });

  it('applies discounts to one-off charges too, never below zero', () => {
    expect(oneOffLine({ ...installation, fixedDiscountMinor: 200_000 }, taxed)).toMatchObject({
      discountMinor: 150_000,
      netMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
    });
  });

  it('rejects bad quantities and prices', () => {
    expect(() => oneOffLine({ ...installation, quantity: 0 }, taxed)).toThrow(/quantity/);
    expect(() => oneOffLine({ ...installation, quantity: 1.5 }, taxed)).toThrow(/quantity/);
    expect(() => oneOffLine({ ...installation, unitPriceMinor: -100 }, taxed)).toThrow(/installation price/);
  });
});
