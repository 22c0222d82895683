import { allocateCredits } from '../domain/billing';
import type { Prisma } from '../prisma/generated/client';
import { auditMany, type Actor } from './audit';
import { paymentCreditsSql } from './balances';
import { openInvoicesOfMany } from './open-invoices';
import { refreshInvoiceStatuses } from './payment-allocations';

type Tx = Prisma.TransactionClient;

export interface AppliedCredit {
  customerId: number;
  paymentId: number;
  invoiceId: number;
  amountMinor: number;
}

/**
 * Spends the customers' credit on their open invoices in the same currency (oldest credit
 * first, oldest due invoice first), so credit and an open invoice never sit side by side:
 * after a reversal reopens invoices, for instance. Each allocation is audited as the
 * actor's. The caller holds the customers' row locks and tells their workflows.
 */
export async function applyCreditToOpenInvoices(tx: Tx, actor: Actor, customerIds: readonly number[]): Promise<AppliedCredit[]> {
  const credits = await tx.$queryRaw<Array<{ payment_id: number; customer_id: number; currency: string; credit_minor: bigint }>>`
    select payment_id, customer_id, currency, credit_minor from (${paymentCreditsSql({ customerIds })}) c
     where credit_minor > 0 order by customer_id, currency, received_at, payment_id`;
  if (credits.length === 0) return [];
  const open = await openInvoicesOfMany(tx, [...new Set(credits.map((c) => c.customer_id))]);

  const applied: AppliedCredit[] = [];
  for (const [key, group] of groupBy(credits, (c) => `${c.customer_id}:${c.currency}`)) {
    const customerId = group[0]!.customer_id;
    const invoices = (open.get(customerId) ?? []).filter((i) => `${customerId}:${i.currency}` === key);
    const plan = allocateCredits(
      group.map((c) => ({ paymentId: String(c.payment_id), creditMinor: Number(c.credit_minor) })),
      invoices.map((i) => ({ id: String(i.id), issueDate: i.issueDate, dueDate: i.dueDate, outstandingMinor: i.outstandingMinor })),
    );
    for (const a of plan) applied.push({ customerId, paymentId: Number(a.paymentId), invoiceId: Number(a.invoiceId), amountMinor: a.appliedMinor });
  }
  if (applied.length === 0) return [];

  await tx.paymentAllocation.createMany({ data: applied.map((a) => ({ paymentId: a.paymentId, invoiceId: a.invoiceId, amountMinor: BigInt(a.amountMinor) })) });
  await refreshInvoiceStatuses(tx, applied.map((a) => a.invoiceId));
  await auditMany(tx, applied.map((a) => ({
    actor, action: 'credit.applied', entityType: 'invoice', entityId: a.invoiceId, data: { paymentId: a.paymentId, amountMinor: a.amountMinor },
  })));
  return applied;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
