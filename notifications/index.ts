// Customer notifications for dunning: rendering (pure) and delivery by email and SMS.
import { createEmailSender, type EmailSender } from './email-sender';
import type { NotificationLogger } from './logger';
import { createSmsSender, type SmsSender } from './sms-sender';

export { renderNotification, resolveLanguage, LANGUAGES } from './templates';
export type { Language, NotificationVars, RenderedNotification, TemplateName } from './templates';
export { smsSegments, isGsm7 } from './sms-segments';
export type { SmsEncoding, SmsSegmentInfo } from './sms-segments';
export { NotificationError } from './errors';
export { createEmailSender, IDEMPOTENCY_HEADER } from './email-sender';
export type { EmailMessage, EmailResult, EmailSender, EmailSenderOptions } from './email-sender';
export { createSmsSender, createLoggingSmsSender } from './sms-sender';
export type { SmsMessage, SmsResult, SmsSender, SmsSenderOptions } from './sms-sender';
export type { NotificationLogger } from './logger';

export interface Notifier {
  email: EmailSender;
  sms: SmsSender;
}

/** The environment variables of infra/config.ts that concern notifications. */
export interface NotifierConfig {
  SMTP_URL?: string;
  MAIL_FROM: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_API_BASE?: string;
}

/** Real SMTP / Twilio where configured, logging senders otherwise (the embedded default). */
export function createNotifier(config: NotifierConfig, logger?: NotificationLogger): Notifier {
  return {
    email: createEmailSender({ smtpUrl: config.SMTP_URL || undefined, from: config.MAIL_FROM, logger }),
    sms: createSmsSender({
      accountSid: config.TWILIO_ACCOUNT_SID || undefined,
      authToken: config.TWILIO_AUTH_TOKEN || undefined,
      from: config.TWILIO_FROM || undefined,
      apiBaseUrl: config.TWILIO_API_BASE || undefined,
      logger,
    }),
  };
}
export { renderInvoiceEmail, type InvoiceEmailInput } from './invoice-email';
