import type { TemplateName } from '../../domain/dunning/policy-schema';

/** Values already formatted for display; every locale receives the same ones. */
export interface MessageFields {
  name: string;
  isp: string;
  amount: string;
  due: string;
  ref: string;
  invoice?: string;
  url?: string;
  fee?: string;
  /** bKash / Nagad are offered only for taka bills */
  wallets: boolean;
}

export interface TemplateCopy {
  subject: string;
  /** the paragraph that says why we are writing */
  lead: string;
  /** complete SMS body, payment instructions included */
  sms: string;
}

export interface Locale {
  greeting(f: MessageFields): string;
  howToPay(f: MessageFields): string;
  closing(f: MessageFields): string;
  templates: Record<TemplateName, (f: MessageFields) => TemplateCopy>;
}
