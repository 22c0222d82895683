// Customer credit (from overpayments or credit notes) is spent on a new invoice before
// anything is asked of the customer; what the invoice does not use stays as credit.
import { Minor } from '../money';
import { requireNonNegativeInteger } from './errors';

export interface CreditApplication {
  creditAppliedMinor: Minor;
  amountDueMinor: Minor;
  remainingCreditMinor: Minor;
}

export function applyCredit(input: { invoiceTotalMinor: Minor; availableCreditMinor: Minor }): CreditApplication {
  const total = requireNonNegativeInteger(input.invoiceTotalMinor, 'invoice total');
  const credit = requireNonNegativeInteger(input.availableCreditMinor, 'available credit');
  const creditAppliedMinor = Math.min(credit, total);
  return {
    creditAppliedMinor,
    amountDueMinor: total - creditAppliedMinor,
    remainingCreditMinor: credit - creditAppliedMinor,
  };
}
