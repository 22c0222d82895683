import { ApiError } from '../api/errors';
import { audit, type Actor } from '../data/audit';
import { lockCustomer } from '../data/customer-lock';
import { openInvoicesOf } from '../data/open-invoices';
import { insertAllocations, netAllocationsOf, refreshInvoiceStatuses, type AllocationAmount } from '../data/payment-allocations';
import { allocatePayment } from '../domain/billing';
import { MAX_AMOUNT_MINOR } from '../domain/money';
import type { Db } from '../infra/prisma';
import type { Payment, Prisma } from '../prisma/generated/client';
import type { PaymentMethod, PaymentSource } from '../prisma/generated/enums';
import { signalCustomerAfterCommit } from './customer-signals';

export interface PaymentInput {
  customerId: number;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  source: PaymentSource;
  receivedAt: Date;
  reference?: string;
  note?: string;
  gateway?: string;
  /** Idempotency key, e.g. `gateway:bkash:<trxId>`: a second delivery returns the first payment. */
  externalKey?: string;
  /** Who took the money, when not the actor (a clerk assigning gateway money did not collect it). */
  operatorId?: number | null;
}

export interface RecordedPayment {
  payment: Payment;
  allocations: AllocationAmount[];
  /** Left over after paying every open invoice: the customer's credit from this payment. */
  unallocatedMinor: number;
  duplicate: boolean;
}

/**
 * A client's idempotency key is its operator's own: one reseller's key can neither show
 * another's payment nor be claimed first to turn the other's real payment away.
 */
export const manualPaymentKey = (operatorId: number, idempotencyKey: string) => `manual:${operatorId}:${idempotencyKey}`;

function invalid(field: string, reason: string): ApiError {
  return new ApiError(400, 'validation', reason, `body.${field}`);
}

/**
 * Records money received and pays the customer's oldest open invoices with it (FIFO),
 * all in one transaction under the customer's row lock.
 */
export async function recordPayment(db: Db, actor: Actor, input: PaymentInput): Promise<RecordedPayment> {
  return db.$transaction((tx) => recordPaymentIn(tx, actor, input));
}

/** recordPayment inside the caller's transaction. */
export async function recordPaymentIn(tx: Prisma.TransactionClient, actor: Actor, input: PaymentInput): Promise<RecordedPayment> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0 || input.amountMinor > MAX_AMOUNT_MINOR) {
    throw invalid('amountMinor', `must be a positive whole number of minor units of at most ${MAX_AMOUNT_MINOR}`);
  }
  if (Number.isNaN(input.receivedAt.getTime())) throw invalid('receivedAt', 'must be a valid date-time');
  const customer = await lockCustomer(tx, input.customerId);
  if (!customer) throw invalid('customerId', `customer ${input.customerId} does not exist`);
  if (customer.currency !== input.currency) throw invalid('currency', `must be ${customer.currency}, the customer's currency`);

  // ON CONFLICT DO NOTHING on the unique external key: a concurrent or repeated delivery
  // cannot create a second payment, and the transaction stays usable to fetch the first.
  const [payment] = await tx.payment.createManyAndReturn({
    data: [{
      customerId: customer.id,
      amountMinor: BigInt(input.amountMinor),
      currency: input.currency,
      method: input.method,
      source: input.source,
      externalKey: input.externalKey,
      reference: input.reference,
      note: input.note,
      operatorId: input.operatorId !== undefined ? input.operatorId : actor.type === 'operator' ? actor.id : null,
      gateway: input.gateway,
      receivedAt: input.receivedAt,
    }],
    skipDuplicates: true,
  });
  if (!payment) return existingPayment(tx, input);

  const open = await openInvoicesOf(tx, customer.id);
  const plan = allocatePayment({
    paymentMinor: input.amountMinor,
    openInvoices: open.map((i) => ({ id: String(i.id), issueDate: i.issueDate, dueDate: i.dueDate, outstandingMinor: i.outstandingMinor })),
  });
  const allocations = plan.allocations.map((a) => ({ invoiceId: Number(a.invoiceId), amountMinor: a.appliedMinor }));
  await insertAllocations(tx, payment.id, allocations);
  await refreshInvoiceStatuses(tx, allocations.map((a) => a.invoiceId));

  await audit(tx, {
    actor, action: 'payment.recorded', entityType: 'payment', entityId: payment.id,
    data: { customerId: customer.id, amountMinor: input.amountMinor, currency: input.currency, method: input.method, source: input.source, externalKey: input.externalKey ?? null },
  });
  await audit(tx, {
    actor, action: 'payment.allocated', entityType: 'payment', entityId: payment.id,
    data: { allocations: allocations.map((a) => ({ ...a })), unallocatedMinor: plan.leftoverCreditMinor },
  });
  await signalCustomerAfterCommit(tx, customer.id, { signal: 'paymentPosted', payload: { paymentId: payment.id } });
  return { payment, allocations, unallocatedMinor: plan.leftoverCreditMinor, duplicate: false };
}

async function existingPayment(tx: Prisma.TransactionClient, input: PaymentInput): Promise<RecordedPayment> {
  if (!input.externalKey) throw new Error('payment insert was skipped although it has no external key');
  const payment = await tx.payment.findUniqueOrThrow({ where: { externalKey: input.externalKey } });
  if (payment.customerId !== input.customerId || payment.amountMinor !== BigInt(input.amountMinor) || payment.currency !== input.currency) {
    // Names no payment: whoever reuses a key learns only that it is taken.
    if (input.source === 'manual') throw new ApiError(409, 'conflict', 'was already used for a payment with a different customer or amount', 'body.idempotencyKey');
    throw new ApiError(409, 'conflict', `${input.externalKey} was already recorded with a different customer or amount`);
  }
  const allocations = await netAllocationsOf(tx, payment.id);
  const allocated = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  return { payment, allocations, unallocatedMinor: payment.reversedAt ? 0 : input.amountMinor - allocated, duplicate: true };
}
