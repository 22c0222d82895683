import { Prisma } from '../prisma/generated/client';

type Tx = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw' | 'paymentAllocation'>;

export interface AllocationAmount {
  invoiceId: number;
  amountMinor: number;
}

/** Appends allocation rows; a negative amount unwinds an earlier one (the table is append-only by convention). */
export async function insertAllocations(tx: Tx, paymentId: number, rows: readonly AllocationAmount[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.paymentAllocation.createMany({
    data: rows.map((r) => ({ paymentId, invoiceId: r.invoiceId, amountMinor: BigInt(r.amountMinor) })),
  });
}

/** What a payment currently contributes to each invoice: its rows summed, zero nets left out. */
export async function netAllocationsOf(tx: Pick<Tx, '$queryRaw'>, paymentId: number): Promise<AllocationAmount[]> {
  const rows = await tx.$queryRaw<Array<{ invoice_id: number; amount_minor: bigint }>>`
    select invoice_id, sum(amount_minor)::bigint as amount_minor
      from payment_allocations
     where payment_id = ${paymentId}
     group by invoice_id
    having sum(amount_minor) <> 0
     order by min(id)`;
  return rows.map((r) => ({ invoiceId: r.invoice_id, amountMinor: Number(r.amount_minor) }));
}

/**
 * Re-derives issued / partially_paid / paid from the allocation sums, so the status
 * can never disagree with the ledger. Void invoices keep their status.
 */
export async function refreshInvoiceStatuses(tx: Pick<Tx, '$executeRaw'>, invoiceIds: readonly number[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  await tx.$executeRaw`
    update invoices i
       set status = (case when s.paid >= i.total_minor then 'paid'
                          when s.paid > 0 then 'partially_paid'
                          else 'issued' end)::"InvoiceStatus"
      from (select inv.id, coalesce(sum(a.amount_minor), 0) as paid
              from invoices inv left join payment_allocations a on a.invoice_id = inv.id
             where inv.id in (${Prisma.join([...new Set(invoiceIds)])})
             group by inv.id) s
     where i.id = s.id and i.status <> 'void'`;
}
