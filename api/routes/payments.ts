import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ErrorBody, Id, IdParam, MinorAmount, Timestamp } from '../schemas';
import { operatorActor } from '../../data/audit';
import type { Payment } from '../../prisma/generated/client';
import { PaymentMethod } from '../../prisma/generated/enums';
import { getVisibleCustomer } from '../../services/customers.service';
import { manualPaymentKey, recordPayment } from '../../services/record-payment.service';
import { reversePayment } from '../../services/reverse-payment.service';

// A few minutes of slack for a clerk's clock; a later date is a typo, not a payment.
const FUTURE_SLACK_MS = 5 * 60_000;

const NewPayment = z.object({
  customerId: Id,
  amountMinor: MinorAmount.refine((v) => v > 0, 'must be greater than zero'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BDT'),
  method: z.enum(PaymentMethod),
  receivedAt: Timestamp().refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, 'cannot be in the future').optional(),
  reference: z.string().trim().min(1).max(100).optional(),
  note: z.string().trim().max(500).optional(),
  /** Lets a client retry a submission (double click, timeout) without paying twice. */
  idempotencyKey: z.string().regex(/^[\w.:-]{8,100}$/, 'must be 8-100 letters, digits or . _ : -').optional(),
});

const PaymentOut = z.object({
  id: z.number(),
  customerId: z.number(),
  amountMinor: z.number(),
  currency: z.string(),
  method: z.string(),
  source: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  operatorId: z.number().nullable(),
  gateway: z.string().nullable(),
  externalKey: z.string().nullable(),
  receivedAt: z.string(),
  recordedAt: z.string(),
  reversedAt: z.string().nullable(),
  reversalReason: z.string().nullable(),
});

const InvoiceAmount = z.object({ invoiceId: z.number(), amountMinor: z.number() });
export const RecordedOut = z.object({ payment: PaymentOut, allocations: z.array(InvoiceAmount), unallocatedMinor: z.number(), duplicate: z.boolean() });

export function toPaymentOut(p: Payment): z.infer<typeof PaymentOut> {
  return {
    ...p,
    amountMinor: Number(p.amountMinor),
    receivedAt: p.receivedAt.toISOString(),
    recordedAt: p.recordedAt.toISOString(),
    reversedAt: p.reversedAt?.toISOString() ?? null,
  };
}

export function paymentRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/payments', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'reseller'] },
      schema: {
        summary: 'Record a payment received (cash at the counter, a bKash send-money, …); pays oldest invoices first',
        body: NewPayment,
        response: { 200: RecordedOut, 201: RecordedOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req, reply) => {
      const caller = req.caller!;
      // Resellers learn nothing about other resellers' customers, not even that they exist.
      if (caller.role === 'reseller') await getVisibleCustomer(deps.db, caller, req.body.customerId);
      const { idempotencyKey, receivedAt, ...input } = req.body;
      const recorded = await recordPayment(deps.db, operatorActor(caller.operatorId), {
        ...input,
        source: 'manual',
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
        externalKey: idempotencyKey ? manualPaymentKey(caller.operatorId, idempotencyKey) : undefined,
      });
      return reply.code(recorded.duplicate ? 200 : 201).send({ ...recorded, payment: toPaymentOut(recorded.payment) });
    });

    app.post('/payments/:id/reverse', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: {
        summary: 'Reverse a payment (bounced, charged back, entered by mistake); its invoices reopen',
        params: IdParam,
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: z.object({ payment: PaymentOut, unwound: z.array(InvoiceAmount) }), 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => {
      const reversed = await reversePayment(deps.db, operatorActor(req.caller!.operatorId), req.params.id, req.body.reason);
      return { payment: toPaymentOut(reversed.payment), unwound: reversed.unwound };
    });
  };
}
