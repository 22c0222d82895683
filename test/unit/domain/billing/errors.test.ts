import { BillingRuleError, requireBasisPoints, requireNonNegativeInteger } from '../../../../domain/billing/errors';

describe('billing input checks', () => {
  it('accepts whole non-negative numbers and basis points up to 10000', () => {
    expect(requireNonNegativeInteger(0, 'x')).toBe(0);
    expect(requireNonNegativeInteger(9_007_199_254_740_991, 'x')).toBe(9_007_199_254_740_991);
    expect(requireBasisPoints(10_000, 'rate')).toBe(10_000);
  });

  it('throws BillingRuleError naming the field', () => {
    expect(() => requireNonNegativeInteger(-1, 'price')).toThrow('price must be a non-negative whole number, got -1');
    expect(() => requireNonNegativeInteger(Number.NaN, 'price')).toThrow(BillingRuleError);
    expect(() => requireNonNegativeInteger(2 ** 53, 'price')).toThrow(BillingRuleError);
    expect(() => requireBasisPoints(10_001, 'VAT')).toThrow('VAT must be whole basis points between 0 and 10000, got 10001');
    const error = new BillingRuleError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BillingRuleError');
  });
});
