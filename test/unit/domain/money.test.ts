import { applyBasisPoints, assertMinor, divRoundHalfUp, formatMinor } from '../../../domain/money';

describe('money', () => {
  it('rounds halves away from zero', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(4, 3)).toBe(1);
    expect(divRoundHalfUp(5, 3)).toBe(2);
  });

  it('applies VAT in basis points exactly on large amounts', () => {
    expect(applyBasisPoints(100_000, 1_500)).toBe(15_000);
    expect(applyBasisPoints(1_005, 500)).toBe(50); // 50.25 → 50
    expect(applyBasisPoints(1_010, 500)).toBe(51); // 50.5 → 51
    expect(applyBasisPoints(9_000_000_000_000, 2_100)).toBe(1_890_000_000_000);
  });

  it('rejects fractional minor units', () => {
    expect(() => assertMinor(10.5)).toThrow(/whole number/);
  });

  it('formats for people without touching the integer', () => {
    expect(formatMinor(123456, 'BDT')).toBe('1234.56 BDT');
    expect(formatMinor(-5, 'CZK')).toBe('-0.05 CZK');
  });
});
