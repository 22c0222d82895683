// A payment pays the oldest debt first: open invoices ordered by due date, then issue
// date, then id (a fixed tie-break so the same inputs always allocate the same way).
// Whatever is left after every open invoice is paid becomes customer credit.
import { Minor } from '../money';
import { CalendarDate, compareDates } from './calendar-date';
import { BillingRuleError, requireNonNegativeInteger } from './errors';

export interface OpenInvoice {
  id: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  outstandingMinor: Minor;
}

export interface InvoiceAllocation {
  invoiceId: string;
  appliedMinor: Minor;
  outstandingBeforeMinor: Minor;
  outstandingAfterMinor: Minor;
  fullyPaid: boolean;
}

export interface PaymentAllocation {
  /** Only invoices that received money, in the order they were paid. */
  allocations: InvoiceAllocation[];
  allocatedMinor: Minor;
  leftoverCreditMinor: Minor;
}

/** Code-unit comparison, not localeCompare: the order must not depend on the runtime's locale data. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function allocationOrder<T extends OpenInvoice>(invoices: readonly T[]): T[] {
  return [...invoices].sort(
    (a, b) => compareDates(a.dueDate, b.dueDate) || compareDates(a.issueDate, b.issueDate) || compareIds(a.id, b.id),
  );
}

export function allocatePayment(input: { paymentMinor: Minor; openInvoices: readonly OpenInvoice[] }): PaymentAllocation {
  let remaining = requireNonNegativeInteger(input.paymentMinor, 'payment amount');
  const seen = new Set<string>();
  for (const invoice of input.openInvoices) {
    if (seen.has(invoice.id)) throw new BillingRuleError(`invoice '${invoice.id}' is listed twice`);
    seen.add(invoice.id);
    requireNonNegativeInteger(invoice.outstandingMinor, `outstanding amount of invoice '${invoice.id}'`);
  }

  const allocations: InvoiceAllocation[] = [];
  for (const invoice of allocationOrder(input.openInvoices)) {
    if (remaining === 0) break;
    const appliedMinor = Math.min(remaining, invoice.outstandingMinor);
    if (appliedMinor === 0) continue;
    remaining -= appliedMinor;
    const outstandingAfterMinor = invoice.outstandingMinor - appliedMinor;
    allocations.push({
      invoiceId: invoice.id,
      appliedMinor,
      outstandingBeforeMinor: invoice.outstandingMinor,
      outstandingAfterMinor,
      fullyPaid: outstandingAfterMinor === 0,
    });
  }
  return { allocations, allocatedMinor: input.paymentMinor - remaining, leftoverCreditMinor: remaining };
}
