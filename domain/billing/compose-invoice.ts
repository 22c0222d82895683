// One customer's invoice for a billing month, from their subscriptions and pending
// one-off charges. Pure: the billing run loads rows, calls this, and writes the result.
import type { Minor } from '../money';
import type { BillingMonth } from './billing-month';
import type { BillingCycle } from './billing-periods';
import { periodsDueInMonth } from './billing-periods';
import type { CalendarDate } from './calendar-date';
import { dueDate } from './due-date';
import { oneOffLine, subscriptionLine, type InvoiceLine, type OneOffKind } from './invoice-lines';
import { invoiceTotals } from './invoice-totals';

export interface BillableSubscription {
  id: number;
  tariffName: string;
  tariffPriceMinor: Minor;
  cycle: BillingCycle;
  taxRateBasisPoints: number;
  pricesIncludeTax: boolean;
  priceOverrideMinor: Minor | null;
  discountBasisPoints: number;
  fixedDiscountMinor: Minor;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
}

export interface PendingCharge {
  id: number;
  kind: OneOffKind;
  description: string;
  amountMinor: Minor;
  taxRateBasisPoints: number;
}

export interface BillableCustomer {
  billingDay: number;
  paymentTermsDays: number | null;
  taxExempt: boolean;
  subscriptions: readonly BillableSubscription[];
  charges: readonly PendingCharge[];
}

export interface ComposedLine extends InvoiceLine {
  subscriptionId: number | null;
  chargeId: number | null;
}

export interface ComposedInvoice {
  lines: ComposedLine[];
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
  dueDate: CalendarDate;
}

/**
 * Every service period of every subscription that starts in `month`, then the pending
 * one-off charges (priced tax-inclusive, like retail tariffs). Null when nothing is due.
 */
export function composeInvoice(customer: BillableCustomer, month: BillingMonth, issueDate: CalendarDate, defaultPaymentTermsDays: number): ComposedInvoice | null {
  const tax = { taxExempt: customer.taxExempt };
  const lines: ComposedLine[] = [];
  for (const sub of customer.subscriptions) {
    const periods = periodsDueInMonth({ cycle: sub.cycle, anchorDay: customer.billingDay, subscriptionStart: sub.startsOn, subscriptionEnd: sub.endsOn, billingMonth: month });
    for (const period of periods) {
      const line = subscriptionLine({
        kind: 'subscription',
        description: `${sub.tariffName} ${period.start} – ${period.end}`,
        referenceId: `subscription:${sub.id}`,
        tariffPriceMinor: sub.tariffPriceMinor,
        priceOverrideMinor: sub.priceOverrideMinor,
        period,
        activeFrom: sub.startsOn,
        activeTo: sub.endsOn,
        taxRateBasisPoints: sub.taxRateBasisPoints,
        taxMode: sub.pricesIncludeTax ? 'inclusive' : 'exclusive',
        discountBasisPoints: sub.discountBasisPoints,
        fixedDiscountMinor: sub.fixedDiscountMinor,
      }, tax);
      lines.push({ ...line, subscriptionId: sub.id, chargeId: null });
    }
  }
  for (const charge of customer.charges) {
    const line = oneOffLine({ kind: charge.kind, description: charge.description, referenceId: `charge:${charge.id}`, unitPriceMinor: charge.amountMinor, taxRateBasisPoints: charge.taxRateBasisPoints, taxMode: 'inclusive' }, tax);
    lines.push({ ...line, subscriptionId: null, chargeId: charge.id });
  }
  if (lines.length === 0) return null;
  const totals = invoiceTotals(lines);
  return {
    lines,
    netMinor: totals.netMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    dueDate: dueDate({ issueDate, customerPaymentTermsDays: customer.paymentTermsDays, defaultPaymentTermsDays }),
  };
}
