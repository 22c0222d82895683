import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ApiError } from '../errors';
import { findDuplicateKey } from '../json-body';
import { ErrorBody, MinorAmount, Timestamp } from '../schemas';
import { GATEWAYS, recordGatewayPayment } from '../../services/gateway-payment.service';
import { SIGNATURE_HEADER, verifyWebhookSignature, webhookSecret } from '../../services/webhook-signature';

const GatewayNotification = z.object({
  transactionId: z.string().regex(/^[\x21-\x7E]{1,100}$/, 'must be 1-100 printable characters without spaces'),
  customerReference: z.string().trim().min(1).max(64),
  amountMinor: MinorAmount.refine((v) => v > 0, 'must be greater than zero'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BDT'),
  paidAt: Timestamp(),
});

// The HMAC covers the bytes as sent; re-serialising the parsed JSON would not reproduce them.
const rawBodies = new WeakMap<FastifyRequest, Buffer>();
const duplicateKeys = new WeakMap<FastifyRequest, string>();

async function requireSignature(req: FastifyRequest): Promise<void> {
  const gateway = (req.params as { gateway?: string }).gateway ?? '';
  const secret = webhookSecret(gateway);
  if (!secret) req.log.warn({ gateway }, 'webhook refused: no WEBHOOK_SECRET_<GATEWAY> configured');
  if (!verifyWebhookSignature(secret, rawBodies.get(req) ?? Buffer.alloc(0), req.headers[SIGNATURE_HEADER])) {
    throw new ApiError(401, 'unauthorized', `missing or invalid ${SIGNATURE_HEADER}`);
  }
  if (req.body === undefined) throw new ApiError(400, 'validation', 'is not valid JSON', 'body');
  const duplicate = duplicateKeys.get(req);
  if (duplicate) throw new ApiError(400, 'validation', 'appears twice in the JSON', duplicate);
}

/** Payment confirmations pushed by gateways. Authenticated by signature, not by operator key. */
export function webhookRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated in this plugin: every other route keeps Fastify's own JSON parser.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      rawBodies.set(req, body as Buffer);
      try {
        const text = (body as Buffer).toString('utf8');
        const parsed: unknown = JSON.parse(text);
        const duplicate = findDuplicateKey(text);
        if (duplicate) duplicateKeys.set(req, duplicate);
        done(null, parsed);
      } catch {
        done(null, undefined); // reported after the signature check, so unsigned junk only ever gets 401
      }
    });

    app.post('/webhooks/:gateway', {
      preValidation: requireSignature,
      schema: {
        summary: 'A gateway (bKash, Nagad, SSLCommerz) confirms a payment; redelivery is harmless. A customer reference nobody has is held for a clerk (unmatchedId), not refused',
        params: z.object({ gateway: z.enum(GATEWAYS) }),
        body: GatewayNotification,
        response: { 200: z.object({ paymentId: z.number().nullable(), unmatchedId: z.number().optional(), duplicate: z.boolean() }), 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => {
      const outcome = await recordGatewayPayment(deps.db, req.params.gateway, { ...req.body, paidAt: new Date(req.body.paidAt) });
      if (outcome.unmatchedId !== undefined) req.log.warn({ gateway: req.params.gateway, unmatchedId: outcome.unmatchedId }, 'gateway payment for an unknown customer reference held for a clerk');
      return outcome;
    });
  };
}
