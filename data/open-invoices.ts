import type { Db } from '../infra/prisma';

export interface OpenInvoice {
  id: number;
  number: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

type Queryable = Pick<Db, '$queryRaw'>;

type OpenInvoiceRow = { customer_id: number; id: number; number: string; issue_date: Date; due_date: Date; total_minor: bigint; paid_minor: bigint };

const toOpenInvoice = (r: OpenInvoiceRow): OpenInvoice => ({
  id: r.id,
  number: r.number,
  issueDate: r.issue_date.toISOString().slice(0, 10),
  dueDate: r.due_date.toISOString().slice(0, 10),
  totalMinor: Number(r.total_minor),
  paidMinor: Number(r.paid_minor),
  outstandingMinor: Number(r.total_minor - r.paid_minor),
});

/**
 * A customer's unpaid invoices, oldest due first. Paid amounts are summed from
 * allocation rows (never a stored counter), so they cannot drift from the ledger.
 */
export async function openInvoicesOf(db: Queryable, customerId: number): Promise<OpenInvoice[]> {
  return (await openInvoicesOfMany(db, [customerId])).get(customerId) ?? [];
}

/** openInvoicesOf for many customers in one query (a billing run's page); customers owing nothing are absent. */
export async function openInvoicesOfMany(db: Queryable, customerIds: readonly number[]): Promise<Map<number, OpenInvoice[]>> {
  const rows = await db.$queryRaw<OpenInvoiceRow[]>`
    select i.customer_id, i.id, i.number, i.issue_date, i.due_date, i.total_minor,
           coalesce((select sum(a.amount_minor) from payment_allocations a where a.invoice_id = i.id), 0)::bigint as paid_minor
      from invoices i
     where i.customer_id = any(${[...customerIds]}::int[]) and i.status in ('issued', 'partially_paid')
     order by i.customer_id, i.due_date, i.issue_date, i.id`;
  const byCustomer = new Map<number, OpenInvoice[]>();
  for (const r of rows) {
    const invoice = toOpenInvoice(r);
    if (invoice.outstandingMinor <= 0) continue;
    const list = byCustomer.get(r.customer_id);
    if (list) list.push(invoice);
    else byCustomer.set(r.customer_id, [invoice]);
  }
  return byCustomer;
}
