// VAT on one invoice line, rate in basis points (2100 = 21 %).
//
// Tax-exclusive price (the amount is net):   tax = round_half_up(net × rate / 10000)
// Tax-inclusive price (the amount is gross): net = round_half_up(gross × 10000 / (10000 + rate)),
//                                            tax = gross − net
// Either way net + tax = total exactly, because the second figure is derived from the
// first by subtraction or addition, never rounded separately.
// A tax-exempt customer is taxed at rate 0: an exclusive price is charged as is, and an
// inclusive price is charged at the same gross with no tax inside it.
import { applyBasisPoints, divRoundHalfUp, Minor } from '../money';
import { BillingRuleError, requireBasisPoints, requireNonNegativeInteger } from './errors';

export type TaxMode = 'inclusive' | 'exclusive';

export interface LineTax {
  taxRateBasisPoints: number;
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
}

export function effectiveTaxRate(taxRateBasisPoints: number, taxExempt: boolean): number {
  requireBasisPoints(taxRateBasisPoints, 'tax rate');
  return taxExempt ? 0 : taxRateBasisPoints;
}

export function taxOnNet(netMinor: Minor, taxRateBasisPoints: number): LineTax {
  requireNonNegativeInteger(netMinor, 'net amount');
  requireBasisPoints(taxRateBasisPoints, 'tax rate');
  const taxMinor = applyBasisPoints(netMinor, taxRateBasisPoints);
  return { taxRateBasisPoints, netMinor, taxMinor, totalMinor: netMinor + taxMinor };
}

export function taxInGross(grossMinor: Minor, taxRateBasisPoints: number): LineTax {
  requireNonNegativeInteger(grossMinor, 'gross amount');
  requireBasisPoints(taxRateBasisPoints, 'tax rate');
  const netMinor = divRoundHalfUp(BigInt(grossMinor) * 10_000n, 10_000 + taxRateBasisPoints);
  return { taxRateBasisPoints, netMinor, taxMinor: grossMinor - netMinor, totalMinor: grossMinor };
}

/** Taxes an amount stated in the given mode. */
export function lineTax(amountMinor: Minor, taxRateBasisPoints: number, mode: TaxMode): LineTax {
  if (mode === 'inclusive') return taxInGross(amountMinor, taxRateBasisPoints);
  if (mode === 'exclusive') return taxOnNet(amountMinor, taxRateBasisPoints);
  throw new BillingRuleError(`tax mode must be 'inclusive' or 'exclusive', got '${String(mode)}'`);
}
