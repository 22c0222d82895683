import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-settle-signature';

/** `sha256=<hex>` of HMAC-SHA256(secret, raw body): what a gateway adapter sends in SIGNATURE_HEADER. */
export function signWebhook(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Checks the header against the exact bytes received (re-serialised JSON would not
 * match). An empty secret never verifies: anyone could compute that HMAC.
 */
export function verifyWebhookSignature(secret: string | undefined, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (!secret || typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}

/** Per-gateway shared secret, read at call time so rotating it needs no restart of the routes. */
export function webhookSecret(gateway: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`WEBHOOK_SECRET_${gateway.toUpperCase()}`] || undefined;
}
