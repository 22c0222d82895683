import { notFound, ApiError } from '../api/errors';
import { audit } from '../data/audit';
import { lockExternalKey } from '../data/external-key-lock';
import type { Db } from '../infra/prisma';
import type { UnmatchedGatewayPayment } from '../prisma/generated/client';
import type { PaymentMethod } from '../prisma/generated/enums';
import { recordPaymentIn, type RecordedPayment } from './record-payment.service';

export type UnmatchedState = 'unassigned' | 'assigned';

export interface UnmatchedOut {
  id: number;
  state: UnmatchedState;
  gateway: string;
  transactionId: string;
  customerReference: string;
  amountMinor: number;
  currency: string;
  paidAt: string;
  receivedAt: string;
  paymentId: number | null;
  assignedById: number | null;
  assignedAt: string | null;
}

export function toUnmatchedOut(u: UnmatchedGatewayPayment): UnmatchedOut {
  return {
    id: u.id, state: u.paymentId === null ? 'unassigned' : 'assigned', gateway: u.gateway, transactionId: u.transactionId,
    customerReference: u.customerReference, amountMinor: Number(u.amountMinor), currency: u.currency,
    paidAt: u.paidAt.toISOString(), receivedAt: u.receivedAt.toISOString(), paymentId: u.paymentId,
    assignedById: u.assignedById, assignedAt: u.assignedAt?.toISOString() ?? null,
  };
}

/** Oldest first: the longer money waits unassigned, the more a customer is chased for nothing. */
export async function listUnmatched(db: Db, state: UnmatchedState, limit: number): Promise<UnmatchedOut[]> {
  const rows = await db.unmatchedGatewayPayment.findMany({
    where: { paymentId: state === 'unassigned' ? null : { not: null } },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map(toUnmatchedOut);
}

/**
 * A clerk names the customer: the money becomes their gateway payment (paying their oldest
 * invoices), under the transaction's own external key, so a redelivery finds it.
 */
export async function assignUnmatched(db: Db, operatorId: number, id: number, customerId: number): Promise<{ unmatched: UnmatchedOut; recorded: RecordedPayment }> {
  return db.$transaction(async (tx) => {
    const found = await tx.unmatchedGatewayPayment.findUnique({ where: { id } });
    if (!found) throw notFound(`unmatched gateway payment ${id}`);
    await lockExternalKey(tx, found.externalKey);
    const held = await tx.unmatchedGatewayPayment.findUniqueOrThrow({ where: { id } });
    if (held.paymentId !== null) throw new ApiError(409, 'conflict', `already assigned as payment ${held.paymentId}`);
    const actor = { type: 'operator' as const, id: operatorId };
    const recorded = await recordPaymentIn(tx, actor, {
      customerId, amountMinor: Number(held.amountMinor), currency: held.currency, method: held.gateway as PaymentMethod, source: 'gateway',
      receivedAt: held.paidAt, reference: held.transactionId, gateway: held.gateway, externalKey: held.externalKey, operatorId: null,
    });
    const assigned = await tx.unmatchedGatewayPayment.update({ where: { id }, data: { paymentId: recorded.payment.id, assignedById: operatorId, assignedAt: new Date() } });
    await audit(tx, { actor, action: 'gateway_payment.assigned', entityType: 'unmatched_gateway_payment', entityId: id, data: { customerId, paymentId: recorded.payment.id } });
    return { unmatched: toUnmatchedOut(assigned), recorded };
  });
}
