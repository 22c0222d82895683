import { ApiError } from '../api/errors';
import type { Db } from '../infra/prisma';
import { recordPayment, type RecordedPayment } from './record-payment.service';

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

async function customerIdFor(db: Db, reference: string): Promise<number> {
  // The payment reference wins: it is what invoices print, a username is only a fallback.
  const customer =
    (await db.customer.findUnique({ where: { paymentReference: reference }, select: { id: true } })) ??
    (await db.customer.findUnique({ where: { username: reference }, select: { id: true } }));
  if (!customer) throw new ApiError(400, 'validation', `no customer has payment reference or username '${reference}'`, 'body.customerReference');
  return customer.id;
}

/** A payment confirmed by a gateway; the transaction id makes redelivery harmless. */
export async function recordGatewayPayment(db: Db, gateway: Gateway, n: GatewayNotification): Promise<RecordedPayment> {
  return recordPayment(db, { type: 'gateway', id: gateway }, {
    customerId: await customerIdFor(db, n.customerReference),
    amountMinor: n.amountMinor,
    currency: n.currency,
    method: gateway,
    source: 'gateway',
    receivedAt: n.paidAt,
    reference: n.transactionId,
    gateway,
    externalKey: `gateway:${gateway}:${n.transactionId}`,
  });
}
