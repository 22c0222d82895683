import { ApiError, notFound } from '../api/errors';
import { audit, type Actor } from '../data/audit';
import { applyCreditToOpenInvoices, type AppliedCredit } from '../data/credit-application';
import { lockCustomer } from '../data/customer-lock';
import { insertAllocations, netAllocationsOf, refreshInvoiceStatuses, type AllocationAmount } from '../data/payment-allocations';
import type { Db } from '../infra/prisma';
import type { Payment } from '../prisma/generated/client';
import { signalCustomerAfterCommit } from './customer-signals';

export interface ReversedPayment {
  payment: Payment;
  /** Per invoice, what the reversal took back (positive amounts). */
  unwound: AllocationAmount[];
  /** The customer's other credit that then paid the reopened invoices. */
  creditApplied: AppliedCredit[];
}

/**
 * Reverses a payment (bounced transfer, gateway chargeback, clerk's mistake). Nothing is
 * deleted: the payment is marked reversed and each allocation gets a negative twin.
 * Credit the customer holds then pays the reopened invoices, as it would a new one.
 */
export async function reversePayment(db: Db, actor: Actor, paymentId: number, reason: string): Promise<ReversedPayment> {
  const target = await db.payment.findUnique({ where: { id: paymentId }, select: { customerId: true } });
  if (!target) throw notFound(`payment ${paymentId}`);

  return db.$transaction(async (tx) => {
    // Customer lock first, the same order recordPayment uses, so the two cannot deadlock.
    await lockCustomer(tx, target.customerId);
    const [locked] = await tx.$queryRaw<Array<{ reversed_at: Date | null }>>`select reversed_at from payments where id = ${paymentId} for update`;
    if (locked!.reversed_at) throw new ApiError(409, 'conflict', `payment ${paymentId} was already reversed at ${locked!.reversed_at.toISOString()}`);

    const unwound = await netAllocationsOf(tx, paymentId);
    await insertAllocations(tx, paymentId, unwound.map((a) => ({ invoiceId: a.invoiceId, amountMinor: -a.amountMinor })));
    await refreshInvoiceStatuses(tx, unwound.map((a) => a.invoiceId));
    const payment = await tx.payment.update({ where: { id: paymentId }, data: { reversedAt: new Date(), reversalReason: reason } });

    await audit(tx, {
      actor, action: 'payment.reversed', entityType: 'payment', entityId: paymentId, reason,
      data: { customerId: payment.customerId, amountMinor: Number(payment.amountMinor), unwound: unwound.map((a) => ({ ...a })) },
    });
    // Only now, with this payment reversed, is its own money no longer counted as credit.
    const creditApplied = await applyCreditToOpenInvoices(tx, actor, [payment.customerId]);
    await signalCustomerAfterCommit(tx, payment.customerId, { signal: 'paymentPosted', payload: { paymentId } });
    if (creditApplied.length > 0) await signalCustomerAfterCommit(tx, payment.customerId, { signal: 'creditApplied', payload: { invoiceId: creditApplied[0]!.invoiceId } });
    return { payment, unwound, creditApplied };
  });
}
