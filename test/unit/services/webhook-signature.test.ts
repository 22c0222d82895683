import { signWebhook, verifyWebhookSignature, webhookSecret } from '../../../services/webhook-signature';

describe('webhook signatures', () => {
  const body = Buffer.from('{"transactionId":"8N7A6D5EE7M","amountMinor":50000}');

  it('accepts the HMAC of the exact bytes', () => {
    expect(verifyWebhookSignature('s3cret', body, signWebhook('s3cret', body))).toBe(true);
    expect(verifyWebhookSignature('s3cret', body, signWebhook('s3cret', body).toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it('rejects another secret, other bytes, malformed or missing headers', () => {
    expect(verifyWebhookSignature('s3cret', body, signWebhook('other', body))).toBe(false);
    expect(verifyWebhookSignature('s3cret', Buffer.from(`${body} `), signWebhook('s3cret', body))).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, 'sha256=abc')).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, signWebhook('s3cret', body).slice('sha256='.length))).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, undefined)).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, [signWebhook('s3cret', body)])).toBe(false);
  });

  it('never verifies without a secret, even against an HMAC made with an empty key', () => {
    expect(verifyWebhookSignature(undefined, body, signWebhook('', body))).toBe(false);
    expect(verifyWebhookSignature('', body, signWebhook('', body))).toBe(false);
  });

  it('reads the per-gateway secret from the environment', () => {
    expect(webhookSecret('bkash', { WEBHOOK_SECRET_BKASH: 'k' })).toBe('k');
    expect(webhookSecret('nagad', { WEBHOOK_SECRET_NAGAD: '' })).toBeUndefined();
  });
});
