// Credit (what earlier payments left unallocated) pays open invoices by the rule any
// payment follows: the oldest credit first, each paying the oldest due invoice first.
import { Minor } from '../money';
import { allocatePayment, type OpenInvoice } from './allocation';

export interface Credit {
  paymentId: string;
  creditMinor: Minor;
}

export interface CreditAllocation {
  paymentId: string;
  invoiceId: string;
  appliedMinor: Minor;
}

/** Credits in the order they are spent (oldest payment first); invoices in any order. */
export function allocateCredits(credits: readonly Credit[], openInvoices: readonly OpenInvoice[]): CreditAllocation[] {
  let open = openInvoices.filter((i) => i.outstandingMinor > 0);
  const result: CreditAllocation[] = [];
  for (const credit of credits) {
    if (open.length === 0) break;
    const plan = allocatePayment({ paymentMinor: credit.creditMinor, openInvoices: open });
    const left = new Map(plan.allocations.map((a) => [a.invoiceId, a.outstandingAfterMinor]));
    for (const a of plan.allocations) result.push({ paymentId: credit.paymentId, invoiceId: a.invoiceId, appliedMinor: a.appliedMinor });
    open = open.map((i) => ({ ...i, outstandingMinor: left.get(i.id) ?? i.outstandingMinor })).filter((i) => i.outstandingMinor > 0);
  }
  return result;
}
