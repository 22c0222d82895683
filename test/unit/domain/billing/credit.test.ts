import { applyCredit } from '../../../../domain/billing/credit';
import { BillingRuleError } from '../../../../domain/billing/errors';

describe('applyCredit', () => {
  it('uses part of a larger credit and keeps the rest', () => {
    expect(applyCredit({ invoiceTotalMinor: 7_500, availableCreditMinor: 10_000 })).toEqual({
      creditAppliedMinor: 7_500,
      amountDueMinor: 0,
      remainingCreditMinor: 2_500,
    });
  });

  it('uses all of a smaller credit and leaves the rest due', () => {
    expect(applyCredit({ invoiceTotalMinor: 7_500, availableCreditMinor: 3_001 })).toEqual({
      creditAppliedMinor: 3_001,
      amountDueMinor: 4_499,
      remainingCreditMinor: 0,
    });
  });

  it('handles exact, zero credit and zero invoices', () => {
    expect(applyCredit({ invoiceTotalMinor: 7_500, availableCreditMinor: 7_500 })).toEqual({
      creditAppliedMinor: 7_500,
      amountDueMinor: 0,
      remainingCreditMinor: 0,
    });
    expect(applyCredit({ invoiceTotalMinor: 7_500, availableCreditMinor: 0 })).toEqual({
      creditAppliedMinor: 0,
      amountDueMinor: 7_500,
      remainingCreditMinor: 0,
    });
    expect(applyCredit({ invoiceTotalMinor: 0, availableCreditMinor: 900 })).toEqual({
      creditAppliedMinor: 0,
      amountDueMinor: 0,
      remainingCreditMinor: 900,
    });
  });

  it('rejects negative or fractional amounts', () => {
    expect(() => applyCredit({ invoiceTotalMinor: -1, availableCreditMinor: 0 })).toThrow(BillingRuleError);
    expect(() => applyCredit({ invoiceTotalMinor: 100, availableCreditMinor: 0.5 })).toThrow(/available credit/);
  });
});
