import type { ComposedInvoice } from '../domain/billing';
import type { Db } from '../infra/prisma';
import { applyCustomerCredit } from './customer-credit';

export interface InvoiceDraft {
  customerId: number;
  currency: string;
  invoice: ComposedInvoice;
}

export interface IssuedInvoice {
  invoiceId: number;
  customerId: number;
  number: string;
  totalMinor: number;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Issues a batch of invoices in one transaction with a handful of set-based statements.
 * Exactly once: the customers are locked, anyone already invoiced for the month is
 * dropped under the lock, and (customer, period) plus (subscription, period start) are
 * unique keys. Numbers come gapless from the series row, locked for the transaction.
 */
export async function writeInvoices(db: Db, opts: { month: string; issueDate: string; series: string; billingRunId: number | null; drafts: InvoiceDraft[] }): Promise<IssuedInvoice[]> {
  if (opts.drafts.length === 0) return [];
  const year = Number(opts.issueDate.slice(0, 4));
  return db.$transaction(async (tx) => {
    const ids = opts.drafts.map((d) => d.customerId).sort((a, b) => a - b);
    await tx.$queryRaw`select id from customers where id = any(${ids}::int[]) order by id for update`;
    const existing = await tx.$queryRaw<Array<{ customer_id: number }>>`select customer_id from invoices where period = ${opts.month} and customer_id = any(${ids}::int[])`;
    const done = new Set(existing.map((r) => r.customer_id));
    const drafts = opts.drafts.filter((d) => !done.has(d.customerId));
    if (drafts.length === 0) return [];

    await tx.$executeRaw`insert into invoice_number_series (series, year, next) values (${opts.series}, ${year}, 1) on conflict do nothing`;
    const [{ next }] = await tx.$queryRaw<Array<{ next: number }>>`select next from invoice_number_series where series = ${opts.series} and year = ${year} for update`;
    await tx.$executeRaw`update invoice_number_series set next = next + ${drafts.length} where series = ${opts.series} and year = ${year}`;
    const numbers = drafts.map((_, i) => `${year}-${String(next + i).padStart(6, '0')}`);

    const inserted = await insertInvoices(tx, opts, drafts, numbers);
    const idOf = new Map(inserted.map((r) => [r.customer_id, r.id]));
    await insertLines(tx, drafts, idOf);
    await tx.$executeRaw`
      insert into audit_log (actor_type, actor_id, action, entity_type, entity_id, data)
      select 'system', ${`billing-run:${opts.billingRunId ?? 'manual'}`}, 'invoice.issued', 'invoice', id::text, jsonb_build_object('number', number, 'totalMinor', total_minor, 'period', period)
        from invoices where id = any(${inserted.map((r) => r.id)}::int[])`;
    await applyCustomerCredit(tx, inserted.map((r) => r.id));
    return drafts.map((d, i) => ({ invoiceId: idOf.get(d.customerId)!, customerId: d.customerId, number: numbers[i]!, totalMinor: d.invoice.totalMinor }));
  }, { timeout: 120_000 });
}

async function insertInvoices(tx: Tx, opts: { month: string; issueDate: string; billingRunId: number | null }, drafts: InvoiceDraft[], numbers: string[]) {
  return tx.$queryRaw<Array<{ id: number; customer_id: number }>>`
    insert into invoices (number, customer_id, billing_run_id, period, issue_date, due_date, currency, net_minor, tax_minor, total_minor)
    select n, c, ${opts.billingRunId}::int, ${opts.month}, ${opts.issueDate}::date, d::date, cur, net, tax, total
      from unnest(${numbers}::text[], ${drafts.map((d) => d.customerId)}::int[], ${drafts.map((d) => d.invoice.dueDate)}::text[],
                  ${drafts.map((d) => d.currency)}::text[], ${drafts.map((d) => String(d.invoice.netMinor))}::bigint[],
                  ${drafts.map((d) => String(d.invoice.taxMinor))}::bigint[], ${drafts.map((d) => String(d.invoice.totalMinor))}::bigint[])
           as t(n, c, d, cur, net, tax, total)
    returning id, customer_id`;
}

async function insertLines(tx: Tx, drafts: InvoiceDraft[], idOf: Map<number, number>): Promise<void> {
  const rows = drafts.flatMap((d) => d.invoice.lines.map((l, i) => ({ invoiceId: idOf.get(d.customerId)!, position: i + 1, l })));
  await tx.$executeRaw`
    insert into invoice_lines (invoice_id, position, subscription_id, charge_id, description, service_period_start, service_period_end, net_minor, tax_rate_bp, tax_minor, total_minor)
    select * from unnest(
      ${rows.map((r) => r.invoiceId)}::int[], ${rows.map((r) => r.position)}::int[],
      ${rows.map((r) => r.l.subscriptionId)}::int[], ${rows.map((r) => r.l.chargeId)}::int[], ${rows.map((r) => r.l.description)}::text[],
      ${rows.map((r) => r.l.periodStart)}::date[], ${rows.map((r) => r.l.periodEnd)}::date[],
      ${rows.map((r) => String(r.l.netMinor))}::bigint[], ${rows.map((r) => r.l.taxRateBasisPoints)}::int[],
      ${rows.map((r) => String(r.l.taxMinor))}::bigint[], ${rows.map((r) => String(r.l.totalMinor))}::bigint[])`;
}
