// How a payment from an identified customer settles their invoices. In order:
//   1. the amount equals one open invoice        → exact (the invoice the message names, else the oldest)
//   2. the message names ≥2 invoices summing to it → multi_invoice
//   3. the amount equals the customer's total due  → exact, paid oldest first
//   4. the oldest ≥2 invoices sum to it exactly    → multi_invoice
//   5. otherwise oldest first (FIFO): money left over → overpayment (credit), else underpayment.
// "Oldest" is billing's allocation order: due date, then invoice id.
import { allocatePayment, allocationOrder } from '../billing/allocation';
import { Minor } from '../money';
import { AllocationToInvoice, CandidateInvoice, MatchCandidate, MatchedKind } from './match-types';

export interface CustomerLedger {
  customerId: string;
  /** Open invoices in allocation order, with outstanding amounts as this statement pays them down. */
  invoices: CandidateInvoice[];
  dueRemainingMinor: Minor;
}

export interface Settlement {
  kind: MatchedKind;
  allocations: AllocationToInvoice[];
  allocatedMinor: Minor;
  creditMinor: Minor;
}

export function openLedger(candidate: MatchCandidate): CustomerLedger {
  const asOpen = candidate.openInvoices.map((invoice) => ({ ...invoice, issueDate: invoice.dueDate }));
  const invoices = allocationOrder(asOpen).map(({ issueDate: _issueDate, ...invoice }) => invoice);
  return { customerId: candidate.customerId, invoices, dueRemainingMinor: candidate.totalDueMinor };
}

export function settle(ledger: CustomerLedger, amountMinor: Minor, mentioned: ReadonlySet<string>): Settlement {
  const open = ledger.invoices.filter((invoice) => invoice.outstandingMinor > 0);
  const equal = open.filter((invoice) => invoice.outstandingMinor === amountMinor);
  if (equal.length > 0) return payInFull('exact', [equal.find((i) => mentioned.has(i.id)) ?? equal[0]]);
  const named = open.filter((invoice) => mentioned.has(invoice.id));
  if (named.length >= 2 && sumOutstanding(named) === amountMinor) return payInFull('multi_invoice', named);
  if (ledger.dueRemainingMinor > 0 && amountMinor === ledger.dueRemainingMinor) return fifo('exact', open, amountMinor);
  for (let count = 2, sum = open[0]?.outstandingMinor ?? 0; count <= open.length; count++) {
    sum += open[count - 1].outstandingMinor;
    if (sum === amountMinor) return payInFull('multi_invoice', open.slice(0, count));
    if (sum > amountMinor) break;
  }
  const result = fifo('underpayment', open, amountMinor);
  return result.creditMinor > 0 ? { ...result, kind: 'overpayment' } : result;
}

/** Applies a settlement to the ledger so later lines of the same statement see what is still open. */
export function applySettlement(ledger: CustomerLedger, amountMinor: Minor, settlement: Settlement): Minor {
  for (const allocation of settlement.allocations) {
    const invoice = ledger.invoices.find((i) => i.id === allocation.invoiceId);
    if (invoice) invoice.outstandingMinor = allocation.outstandingAfterMinor;
  }
  ledger.dueRemainingMinor -= amountMinor;
  return sumOutstanding(ledger.invoices);
}

function sumOutstanding(invoices: readonly CandidateInvoice[]): Minor {
  return invoices.reduce((sum, invoice) => sum + invoice.outstandingMinor, 0);
}

function payInFull(kind: MatchedKind, invoices: readonly CandidateInvoice[]): Settlement {
  const allocations = invoices.map((invoice) => ({
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    appliedMinor: invoice.outstandingMinor,
    outstandingAfterMinor: 0,
  }));
  return { kind, allocations, allocatedMinor: sumOutstanding(invoices), creditMinor: 0 };
}

function fifo(kind: MatchedKind, open: readonly CandidateInvoice[], amountMinor: Minor): Settlement {
  const byId = new Map(open.map((invoice) => [invoice.id, invoice]));
  const result = allocatePayment({
    paymentMinor: amountMinor,
    openInvoices: open.map((invoice) => ({ ...invoice, issueDate: invoice.dueDate })),
  });
  const allocations = result.allocations.map((a) => ({
    invoiceId: a.invoiceId,
    invoiceNumber: byId.get(a.invoiceId)?.number ?? a.invoiceId,
    appliedMinor: a.appliedMinor,
    outstandingAfterMinor: a.outstandingAfterMinor,
  }));
  return { kind, allocations, allocatedMinor: result.allocatedMinor, creditMinor: result.leftoverCreditMinor };
}
