import type { Caller } from '../api/auth';
import { notFound } from '../api/errors';
import { invoiceBalances } from '../data/balances';
import { toCalendarDay, toNullableCalendarDay } from '../data/date-columns';
import type { Db } from '../infra/prisma';
import type { Invoice, InvoiceLine } from '../prisma/generated/client';
import type { InvoiceStatus } from '../prisma/generated/enums';
import { customerScope } from './customer-scope';

export interface InvoiceFilter {
  customerId?: number;
  status?: InvoiceStatus;
  period?: string;
}

export interface InvoiceSummary {
  id: number;
  number: string;
  customerId: number;
  billingRunId: number | null;
  period: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  status: InvoiceStatus;
  /** Sum of the invoice's allocation rows (reversals are negative rows); 0 when void. */
  paidMinor: number;
  /** What is still owed on it (data/balances); a void invoice owes nothing. */
  outstandingMinor: number;
  createdAt: string;
}

export interface InvoiceLineView {
  position: number;
  description: string;
  servicePeriodStart: string | null;
  servicePeriodEnd: string | null;
  netMinor: number;
  taxRateBp: number;
  taxMinor: number;
  totalMinor: number;
  subscriptionId: number | null;
  chargeId: number | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  customerName: string;
  /** What the customer quotes when paying (the variable symbol). */
  paymentReference: string;
  lines: InvoiceLineView[];
}

function summary(i: Invoice, balance: { paidMinor: number; outstandingMinor: number } | undefined): InvoiceSummary {
  return {
    id: i.id,
    number: i.number,
    customerId: i.customerId,
    billingRunId: i.billingRunId,
    period: i.period,
    issueDate: toCalendarDay(i.issueDate),
    dueDate: toCalendarDay(i.dueDate),
    currency: i.currency,
    netMinor: Number(i.netMinor),
    taxMinor: Number(i.taxMinor),
    totalMinor: Number(i.totalMinor),
    status: i.status,
    paidMinor: balance?.paidMinor ?? 0,
    outstandingMinor: balance?.outstandingMinor ?? 0,
    createdAt: i.createdAt.toISOString(),
  };
}

function lineView(l: InvoiceLine): InvoiceLineView {
  return {
    position: l.position,
    description: l.description,
    servicePeriodStart: toNullableCalendarDay(l.servicePeriodStart),
    servicePeriodEnd: toNullableCalendarDay(l.servicePeriodEnd),
    netMinor: Number(l.netMinor),
    taxRateBp: l.taxRateBp,
    taxMinor: Number(l.taxMinor),
    totalMinor: Number(l.totalMinor),
    subscriptionId: l.subscriptionId,
    chargeId: l.chargeId,
  };
}

/** Invoices by id, keyset-paginated; resellers see only their customers' invoices. */
export async function listInvoices(db: Db, caller: Caller, filter: InvoiceFilter, page: { after: number; limit: number }): Promise<{ items: InvoiceSummary[]; next: number | null }> {
  const rows = await db.invoice.findMany({
    where: { id: { gt: page.after }, ...filter, customer: customerScope(caller) },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
  });
  const pageRows = rows.slice(0, page.limit);
  const balances = await invoiceBalances(db, pageRows);
  const items = pageRows.map((r) => summary(r, balances.get(r.id)));
  return { items, next: rows.length > page.limit ? items.at(-1)!.id : null };
}

export async function getInvoice(db: Db, caller: Caller, id: number): Promise<InvoiceDetail> {
  const invoice = await db.invoice.findFirst({
    where: { id, customer: customerScope(caller) },
    include: { lines: { orderBy: { position: 'asc' } }, customer: { select: { name: true, paymentReference: true } } },
  });
  if (!invoice) throw notFound(`invoice ${id}`);
  const balances = await invoiceBalances(db, [invoice]);
  return {
    ...summary(invoice, balances.get(id)),
    customerName: invoice.customer.name,
    paymentReference: invoice.customer.paymentReference,
    lines: invoice.lines.map(lineView),
  };
}
