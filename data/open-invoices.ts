import type { Db } from '../infra/prisma';
import { invoiceBalancesSql } from './balances';

export interface OpenInvoice {
  id: number;
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

type Queryable = Pick<Db, '$queryRaw'>;

type OpenInvoiceRow = { customer_id: number; invoice_id: number; number: string; currency: string; issue_date: Date; due_date: Date; total_minor: bigint; paid_minor: bigint; outstanding_minor: bigint };

const toOpenInvoice = (r: OpenInvoiceRow): OpenInvoice => ({
  id: r.invoice_id,
  number: r.number,
  currency: r.currency,
  issueDate: r.issue_date.toISOString().slice(0, 10),
  dueDate: r.due_date.toISOString().slice(0, 10),
  totalMinor: Number(r.total_minor),
  paidMinor: Number(r.paid_minor),
  outstandingMinor: Number(r.outstanding_minor),
});

/** A customer's unpaid invoices in the order payments pay them (oldest due first), as data/balances defines unpaid. */
export async function openInvoicesOf(db: Queryable, customerId: number): Promise<OpenInvoice[]> {
  return (await openInvoicesOfMany(db, [customerId])).get(customerId) ?? [];
}

/** openInvoicesOf for many customers in one query (a billing run's page); customers owing nothing are absent. */
export async function openInvoicesOfMany(db: Queryable, customerIds: readonly number[]): Promise<Map<number, OpenInvoice[]>> {
  const rows = await db.$queryRaw<OpenInvoiceRow[]>`
    select * from (${invoiceBalancesSql({ customerIds }, undefined, { unpaidOnly: true })}) b
     where outstanding_minor > 0
     order by customer_id, due_date, issue_date, invoice_id`;
  const byCustomer = new Map<number, OpenInvoice[]>();
  for (const r of rows) {
    const invoice = toOpenInvoice(r);
    const list = byCustomer.get(r.customer_id);
    if (list) list.push(invoice);
    else byCustomer.set(r.customer_id, [invoice]);
  }
  return byCustomer;
}
