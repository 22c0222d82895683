// Pure rendering of dunning notifications: same inputs, same text, no I/O, so the
// workflow's activities can render, hash and send without surprises.
import { KNOWN_TEMPLATES, type TemplateName } from '../domain/dunning/policy-schema';
import { isIsoDate } from '../domain/dunning/zoned-time';
import { assertMinor, formatMinor, type Minor } from '../domain/money';
import { NotificationError } from './errors';
import { bn } from './locales/bn';
import { cs } from './locales/cs';
import { en } from './locales/en';
import type { Locale, MessageFields } from './locales/locale';
import { smsSegments } from './sms-segments';

export type { TemplateName } from '../domain/dunning/policy-schema';

export const LANGUAGES = ['en', 'bn', 'cs'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface NotificationVars {
  customerName: string;
  /** the amount the customer should pay now */
  amountMinor: Minor;
  currency: string;
  /** YYYY-MM-DD */
  dueDate: string;
  paymentReference: string;
  invoiceNumber?: string;
  payUrl?: string;
  ispName: string;
  /** shown by late_fee_notice when given */
  lateFeeMinor?: Minor;
}

export interface RenderedNotification {
  subject: string;
  text: string;
  sms: string;
}

const LOCALES: Record<Language, Locale> = { en, bn, cs };

/** 'bn-BD' → 'bn'; anything we have no copy for → 'en'. */
export function resolveLanguage(language: string): Language {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/**
 * Subject, plain-text email body and SMS body of one notification. Throws a
 * non-retryable NotificationError for an unknown template or unusable variables.
 */
export function renderNotification(
  template: TemplateName,
  // Customer languages come from the database, so any string is accepted.
  language: Language | (string & {}),
  vars: NotificationVars,
): RenderedNotification {
  if (!(KNOWN_TEMPLATES as readonly string[]).includes(template)) {
    throw new NotificationError(`unknown notification template ${JSON.stringify(template)}`);
  }
  const locale = LOCALES[resolveLanguage(language)];
  const fields = toFields(vars);
  const copy = locale.templates[template](fields);
  const text = [locale.greeting(fields), copy.lead, locale.howToPay(fields), locale.closing(fields)].join('\n\n');
  return { subject: copy.subject, text: `${text}\n`, sms: appendIfFree(copy.sms, fields.url) };
}

function toFields(vars: NotificationVars): MessageFields {
  const currency = vars.currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new NotificationError(`currency must be an ISO 4217 code, got ${JSON.stringify(vars.currency)}`);
  if (!isIsoDate(vars.dueDate)) throw new NotificationError(`dueDate must be YYYY-MM-DD, got ${JSON.stringify(vars.dueDate)}`);
  for (const key of ['customerName', 'paymentReference', 'ispName'] as const) {
    if (vars[key].trim() === '') throw new NotificationError(`${key} must not be empty`);
  }
  try {
    assertMinor(vars.amountMinor, 'amountMinor');
    if (vars.lateFeeMinor !== undefined) assertMinor(vars.lateFeeMinor, 'lateFeeMinor');
  } catch (e) {
    throw new NotificationError((e as Error).message, false, { cause: e });
  }
  return {
    name: vars.customerName.trim(),
    isp: vars.ispName.trim(),
    amount: formatMinor(vars.amountMinor, currency),
    due: vars.dueDate,
    ref: vars.paymentReference.trim(),
    invoice: vars.invoiceNumber?.trim() || undefined,
    url: vars.payUrl?.trim() || undefined,
    fee: vars.lateFeeMinor === undefined ? undefined : formatMinor(vars.lateFeeMinor, currency),
    // Mobile wallets only exist for taka; a koruna bill is paid by bank transfer.
    wallets: currency === 'BDT',
  };
}

/** The pay link goes into the SMS only when it costs no extra segment. */
function appendIfFree(sms: string, url: string | undefined): string {
  if (!url) return sms;
  const longer = `${sms} ${url}`;
  return smsSegments(longer).segments <= smsSegments(sms).segments ? longer : sms;
}
