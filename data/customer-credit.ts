import type { Db } from '../infra/prisma';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Customer credit (the unallocated part of earlier payments, oldest first) pays the given
 * new invoices as allocation rows, so the invoice shows it and balances stay derived.
 * The caller holds the customers' row locks. Sums are cast to bigint: Postgres's sum(bigint)
 * is numeric, which arrives as a Decimal that cannot be mixed with the invoices' bigint totals.
 */
export async function applyCustomerCredit(tx: Tx, invoiceIds: number[]): Promise<void> {
  const credits = await tx.$queryRaw<Array<{ payment_id: number; customer_id: number; left_minor: bigint }>>`
    select p.id as payment_id, p.customer_id, (p.amount_minor - coalesce(sum(a.amount_minor), 0))::bigint as left_minor
      from payments p left join payment_allocations a on a.payment_id = p.id
     where p.reversed_at is null and p.customer_id in (select customer_id from invoices where id = any(${invoiceIds}::int[]))
     group by p.id having p.amount_minor - coalesce(sum(a.amount_minor), 0) > 0
     order by p.received_at, p.id`;
  if (credits.length === 0) return;
  const invoices = await tx.$queryRaw<Array<{ id: number; customer_id: number; total_minor: bigint }>>`
    select id, customer_id, total_minor from invoices where id = any(${invoiceIds}::int[])`;
  const dueOf = new Map(invoices.map((i) => [i.customer_id, { id: i.id, due: i.total_minor }]));
  const rows: Array<{ paymentId: number; invoiceId: number; amount: bigint }> = [];
  for (const c of credits) {
    const inv = dueOf.get(c.customer_id);
    if (!inv || inv.due <= 0n) continue;
    const amount = c.left_minor < inv.due ? c.left_minor : inv.due;
    inv.due -= amount;
    rows.push({ paymentId: c.payment_id, invoiceId: inv.id, amount });
  }
  if (rows.length === 0) return;
  await tx.$executeRaw`
    insert into payment_allocations (payment_id, invoice_id, amount_minor)
    select * from unnest(${rows.map((r) => r.paymentId)}::int[], ${rows.map((r) => r.invoiceId)}::int[], ${rows.map((r) => String(r.amount))}::bigint[])`;
  await tx.$executeRaw`
    update invoices i set status = case when s.paid >= i.total_minor then 'paid'::"InvoiceStatus" else 'partially_paid'::"InvoiceStatus" end
      from (select invoice_id, sum(amount_minor) as paid from payment_allocations where invoice_id = any(${[...new Set(rows.map((r) => r.invoiceId))]}::int[]) group by invoice_id) s
     where i.id = s.invoice_id`;
  await tx.$executeRaw`
    insert into audit_log (actor_type, actor_id, action, entity_type, entity_id, data)
    select 'system', 'billing-run', 'credit.applied', 'invoice', inv::text, jsonb_build_object('paymentId', pay, 'amountMinor', amt)
      from unnest(${rows.map((r) => r.invoiceId)}::int[], ${rows.map((r) => r.paymentId)}::int[], ${rows.map((r) => String(r.amount))}::bigint[]) as t(inv, pay, amt)`;
}
