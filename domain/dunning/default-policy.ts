// The ladder an ISP gets before configuring its own: remind, warn, slow down, cut off.
// Amounts are minor units (paisa, haléř): small balances (under 50.00) are reminded about
// but never throttled or blocked, since a truck roll to reconnect costs more than the debt.
// The time zone and working days come from the ISP's country (ISP_COUNTRY).
import { parsePolicy, type Policy, type PolicyDocument } from './policy-schema';

const ENFORCEMENT_THRESHOLD_MINOR = 5_000;
const NO_ENFORCEMENT_TAGS = ['vip', 'enforcement-off'];

export const DEFAULT_POLICY_DOCUMENT: Readonly<PolicyDocument> = {
  version: 1,
  timezone: 'Asia/Dhaka',
  graceDays: 0,
  states: [
    {
      name: 'reminder_before_due',
      conditions: { daysPastDue: -3, minOverdueMinor: 0 },
      actions: { notify: { channels: ['email'], template: 'reminder_before_due' }, network: 'none' },
    },
    {
      name: 'due_today',
      conditions: { daysPastDue: 0, minOverdueMinor: 0 },
      actions: { notify: { channels: ['email', 'sms'], template: 'due_today' }, network: 'none' },
    },
    {
      name: 'overdue_reminder',
      conditions: { daysPastDue: 3, minOverdueMinor: 0 },
      actions: { notify: { channels: ['sms'], template: 'overdue_reminder' }, network: 'none' },
    },
    {
      name: 'throttled',
      conditions: { daysPastDue: 10, minOverdueMinor: ENFORCEMENT_THRESHOLD_MINOR, skipIfTags: NO_ENFORCEMENT_TAGS },
      actions: { notify: { channels: ['email', 'sms'], template: 'throttle_warning' }, network: 'throttle' },
    },
    {
      name: 'blocked',
      conditions: { daysPastDue: 14, minOverdueMinor: ENFORCEMENT_THRESHOLD_MINOR, skipIfTags: NO_ENFORCEMENT_TAGS },
      actions: { notify: { channels: ['email', 'sms'], template: 'blocked_notice' }, network: 'block' },
    },
  ],
  calendar: {
    // ISO weekdays, 1 = Monday … 7 = Sunday: Bangladesh works Sunday to Thursday.
    enforcementDays: [7, 1, 2, 3, 4],
    enforcementHours: { from: '09:00', to: '17:00' },
    holidays: [],
    smsQuietHours: { from: '21:00', to: '08:00' },
  },
  restore: { when: 'below_threshold' },
};

/** Countries whose working week and time zone the default policy knows. */
export const ISP_COUNTRIES = {
  // Weekend Friday–Saturday.
  BD: { timezone: 'Asia/Dhaka', enforcementDays: [7, 1, 2, 3, 4] },
  CZ: { timezone: 'Europe/Prague', enforcementDays: [1, 2, 3, 4, 5] },
} as const satisfies Record<string, { timezone: string; enforcementDays: readonly number[] }>;
export type IspCountry = keyof typeof ISP_COUNTRIES;

/** A fresh, validated copy each call, so callers may adjust it without affecting others. */
export function defaultDunningPolicy(country: IspCountry = 'BD'): Policy {
  const doc = JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT)) as PolicyDocument;
  const { timezone, enforcementDays } = ISP_COUNTRIES[country];
  return parsePolicy({ ...doc, timezone, calendar: { ...doc.calendar, enforcementDays: [...enforcementDays] } });
}
