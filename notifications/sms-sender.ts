import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { NotificationError } from './errors';
import { defaultLogger, type NotificationLogger } from './logger';
import { BaseUrlRequestClient } from './twilio-base-url';

export interface SmsSenderOptions {
  accountSid?: string;
  authToken?: string;
  /** sender phone number (E.164), alphanumeric sender ID, or a Messaging Service SID (MG…) */
  from?: string;
  /** e.g. http://127.0.0.1:4010 for a stub or a Twilio-compatible gateway; default api.twilio.com */
  apiBaseUrl?: string;
  logger?: NotificationLogger;
}

export interface SmsMessage {
  to: string;
  body: string;
  /** same key for every attempt at the same notification */
  idempotencyKey: string;
}

export interface SmsResult {
  sid: string;
  transport: 'twilio' | 'log';
  /** false when the message was only logged */
  delivered: boolean;
  /** Twilio's status at acceptance, usually "queued" or "accepted" */
  status?: string;
}

export interface SmsSender {
  readonly transport: 'twilio' | 'log';
  send(message: SmsMessage): Promise<SmsResult>;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Twilio when credentials are given, otherwise a sender that only logs. */
export function createSmsSender(options: SmsSenderOptions): SmsSender {
  const log = options.logger ?? defaultLogger;
  const { accountSid, authToken, from } = options;
  if (!accountSid && !authToken) return createLoggingSmsSender(log);
  if (!accountSid || !authToken || !from) {
    throw new NotificationError('Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM together');
  }
  const client = twilio(accountSid, authToken, {
    timeout: REQUEST_TIMEOUT_MS,
    httpClient: options.apiBaseUrl ? new BaseUrlRequestClient(options.apiBaseUrl, { timeout: REQUEST_TIMEOUT_MS }) : undefined,
  });
  const sender = /^MG[0-9a-f]{32}$/i.test(from) ? { messagingServiceSid: from } : { from };

  return {
    transport: 'twilio',
    async send(message) {
      // Twilio's Messages API takes no idempotency key; at-most-once sending is the
      // caller's job (notification_log), the key is logged next to the SID.
      let created: { sid: string; status: string };
      try {
        created = await client.messages.create({ to: message.to, body: message.body, ...sender });
      } catch (e) {
        throw toNotificationError(e);
      }
      const result: SmsResult = { sid: created.sid, transport: 'twilio', delivered: true, status: created.status };
      log.info({ ...result, to: message.to, idempotencyKey: message.idempotencyKey }, 'sms sent');
      return result;
    },
  };
}

export function createLoggingSmsSender(log: NotificationLogger = defaultLogger): SmsSender {
  return {
    transport: 'log',
    async send(message) {
      const sid = `log-${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32)}`;
      const result: SmsResult = { sid, transport: 'log', delivered: false };
      log.info({ ...result, to: message.to, body: message.body, idempotencyKey: message.idempotencyKey }, 'sms not sent (no Twilio credentials), logged only');
      return result;
    },
  };
}

/**
 * Twilio answers a bad request (invalid number 21211, unsubscribed recipient 21610, …)
 * with 4xx: sending again cannot help. 5xx, 429 and network failures can pass on retry.
 */
function toNotificationError(e: unknown): NotificationError {
  const err = e as Error & { status?: unknown; code?: number | string };
  if (typeof err.status === 'number') {
    const retryable = err.status >= 500 || err.status === 429 || err.status === 408;
    const text = err.message || `HTTP ${err.status}`;
    return new NotificationError(`Twilio ${err.code ?? err.status}: ${text}`, retryable, { code: err.code, status: err.status, cause: e });
  }
  return new NotificationError(`SMS not sent: ${err.message}`, true, { code: err.code, cause: e });
}
