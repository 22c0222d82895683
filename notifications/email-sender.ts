import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { NotificationError } from './errors';
import { defaultLogger, type NotificationLogger } from './logger';

export const IDEMPOTENCY_HEADER = 'X-Settle-Idempotency-Key';

export interface EmailSenderOptions {
  /** smtp://user:pass@host:587 or smtps://…; without it mail is only logged */
  smtpUrl?: string;
  /** "Name <address>" used as From: */
  from: string;
  logger?: NotificationLogger;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** same key for every attempt at the same notification */
  idempotencyKey: string;
}

export interface EmailResult {
  messageId: string;
  transport: 'smtp' | 'log';
  /** false when the message was only logged */
  delivered: boolean;
}

export interface EmailSender {
  readonly transport: 'smtp' | 'log';
  send(message: EmailMessage): Promise<EmailResult>;
  close(): void;
}

export function createEmailSender(options: EmailSenderOptions): EmailSender {
  const log = options.logger ?? defaultLogger;
  const transport = options.smtpUrl ? 'smtp' : 'log';
  const mailer = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        // nodemailer waits minutes by default; an activity should fail fast and be retried.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : nodemailer.createTransport({ jsonTransport: true });
  const domain = /@([^\s>]+)>?\s*$/.exec(options.from)?.[1] ?? 'settle.local';

  return {
    transport,
    async send(message) {
      let info: { messageId: string };
      try {
        info = await mailer.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          // A retried activity sends the same Message-ID, so mail clients that dedupe
          // on it show one message, and the header makes duplicates easy to trace.
          messageId: messageIdFor(message.idempotencyKey, domain),
          headers: { [IDEMPOTENCY_HEADER]: message.idempotencyKey },
        });
      } catch (e) {
        throw toNotificationError(e);
      }
      const result: EmailResult = { messageId: info.messageId, transport, delivered: transport === 'smtp' };
      const details = { ...result, to: message.to, subject: message.subject, idempotencyKey: message.idempotencyKey };
      if (transport === 'smtp') log.info(details, 'email sent');
      // With no mail server the log is the only place the text can be read.
      else log.info({ ...details, text: message.text }, 'email not sent (no SMTP_URL), logged only');
      return result;
    },
    close: () => mailer.close(),
  };
}

function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}.settle@${domain}>`;
}

/** SMTP 5xx replies are permanent (RFC 5321 §4.2.1); 4xx and lost connections are worth a retry. */
function toNotificationError(e: unknown): NotificationError {
  const err = e as Error & { code?: string; responseCode?: number };
  const status = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const permanent = status !== undefined ? status >= 500 : err.code === 'ECONFIG' || err.code === 'ENOAUTH';
  return new NotificationError(`email not sent: ${err.message}`, !permanent, { code: err.code, status, cause: e });
}
