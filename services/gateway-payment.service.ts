import { ApiError } from '../api/errors';
import { audit } from '../data/audit';
import type { Db } from '../infra/prisma';
import { customerByHandle } from '../data/customer-handles';
import { lockExternalKey } from '../data/external-key-lock';
import { recordPaymentIn } from './record-payment.service';

export const GATEWAYS = ['bkash', 'nagad', 'sslcommerz'] as const;
export type Gateway = (typeof GATEWAYS)[number];

export interface GatewayNotification {
  transactionId: string;
  /** The customer's payment reference, or their username (what subscribers type into bKash). */
  customerReference: string;
  amountMinor: number;
  currency: string;
  paidAt: Date;
}

/** A payment, or money held as unmatched until a clerk assigns it; `duplicate` on a redelivery. */
export type GatewayOutcome =
  | { paymentId: number; unmatchedId?: undefined; duplicate: boolean }
  | { paymentId: null; unmatchedId: number; duplicate: boolean };

export const gatewayKey = (gateway: string, transactionId: string) => `gateway:${gateway}:${transactionId}`;

function sameMoney(held: { amountMinor: bigint; currency: string }, n: GatewayNotification, key: string): void {
  if (held.amountMinor !== BigInt(n.amountMinor) || held.currency !== n.currency) {
    throw new ApiError(409, 'conflict', `${key} was already received with a different amount or currency`);
  }
}

/**
 * A payment confirmed by a gateway; the transaction id makes redelivery harmless. Money
 * for a reference nobody has is held, not refused: the gateway has taken it either way.
 */
export async function recordGatewayPayment(db: Db, gateway: Gateway, n: GatewayNotification): Promise<GatewayOutcome> {
  const externalKey = gatewayKey(gateway, n.transactionId);
  const actor = { type: 'gateway' as const, id: gateway };
  return db.$transaction(async (tx) => {
    await lockExternalKey(tx, externalKey);
    const held = await tx.unmatchedGatewayPayment.findUnique({ where: { externalKey } });
    if (held) {
      sameMoney(held, n, externalKey);
      return held.paymentId === null ? { paymentId: null, unmatchedId: held.id, duplicate: true } : { paymentId: held.paymentId, duplicate: true };
    }
    // One customer's reference that is another's username (an older release let that in)
    // names nobody for sure: the money waits for a clerk rather than guessing whose it is.
    const match = await customerByHandle(tx, n.customerReference);
    if (typeof match !== 'number') {
      const earlier = await tx.payment.findUnique({ where: { externalKey } });
      if (earlier) return { paymentId: earlier.id, duplicate: true };
      const row = await tx.unmatchedGatewayPayment.create({
        data: { externalKey, gateway, transactionId: n.transactionId, customerReference: n.customerReference, amountMinor: BigInt(n.amountMinor), currency: n.currency, paidAt: n.paidAt },
      });
      await audit(tx, {
        actor, action: 'gateway_payment.unmatched', entityType: 'unmatched_gateway_payment', entityId: row.id,
        data: { externalKey, customerReference: n.customerReference, amountMinor: n.amountMinor, currency: n.currency, ambiguous: match === 'ambiguous' },
      });
      return { paymentId: null, unmatchedId: row.id, duplicate: false };
    }
    const recorded = await recordPaymentIn(tx, actor, {
      customerId: match, amountMinor: n.amountMinor, currency: n.currency, method: gateway, source: 'gateway',
      receivedAt: n.paidAt, reference: n.transactionId, gateway, externalKey,
    });
    return { paymentId: recorded.payment.id, duplicate: recorded.duplicate };
  });
}
