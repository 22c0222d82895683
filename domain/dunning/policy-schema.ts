// The dunning policy document (Kill Bill's overdue.xml, as JSON) and its validation.
// Zod skips the ladder checks (order, severity, duplicate names) while any field has
// the wrong type, so a badly broken document may need two rounds of fixes.
import { z } from 'zod';
import { MAX_AMOUNT_MINOR } from '../money';
import { NETWORK_ACTIONS, networkSeverity, type NetworkAction } from './network-actions';
import { isHhMm, isIsoDate, isValidTimeZone, minutesOfDay } from './zoned-time';

export const KNOWN_TEMPLATES = [
  'reminder_before_due',
  'due_today',
  'overdue_reminder',
  'throttle_warning',
  'blocked_notice',
  'late_fee_notice',
] as const;
export type TemplateName = (typeof KNOWN_TEMPLATES)[number];

export { NETWORK_ACTIONS, networkSeverity, type NetworkAction };

/** Names the evaluator reports when no state applies; a rule may not reuse them. */
export const RESERVED_STATE_NAMES = ['current', 'paid'] as const;
export const MIN_DAYS_PAST_DUE = -30;

const SLUG = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

const slug = z.string().regex(SLUG, { error: 'must be a lowercase slug such as "due_today" or "blocked"' });
const hhmm = z.string().refine(isHhMm, { error: (iss) => `must be a time HH:MM (00:00–23:59), got ${JSON.stringify(iss.input)}` });
const timeWindow = z.strictObject({ from: hhmm, to: hhmm });

const notifySchema = z.strictObject({
  channels: z
    .array(z.enum(['email', 'sms'], { error: (iss) => `unknown channel ${JSON.stringify(iss.input)}; use "email" or "sms"` }))
    .min(1, { error: 'must list at least one channel' })
    .refine((cs) => new Set(cs).size === cs.length, { error: 'must not repeat a channel' }),
  template: z.enum(KNOWN_TEMPLATES, {
    error: (iss) => `unknown template ${JSON.stringify(iss.input)}; known templates: ${KNOWN_TEMPLATES.join(', ')}`,
  }),
});

const stateRuleSchema = z.strictObject({
  name: slug.refine((n) => !(RESERVED_STATE_NAMES as readonly string[]).includes(n), {
    error: (iss) => `${JSON.stringify(iss.input)} is reserved for customers in no dunning state`,
  }),
  conditions: z.strictObject({
    daysPastDue: z
      .int({ error: 'must be a whole number of days' })
      .min(MIN_DAYS_PAST_DUE, { error: `must be ≥ ${MIN_DAYS_PAST_DUE} (at most 30 days before the due date)` }),
    minOverdueMinor: z.int({ error: 'must be a whole number of minor units' }).min(0, { error: 'must be ≥ 0' }).max(MAX_AMOUNT_MINOR, { error: `must be ≤ ${MAX_AMOUNT_MINOR}` }),
    minUnpaidInvoices: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be ≥ 1' }).optional(),
    skipIfTags: z.array(z.string().min(1, { error: 'tags must not be empty' })).optional(),
  }),
  actions: z.strictObject({
    notify: notifySchema.optional(),
    network: z
      .enum(NETWORK_ACTIONS, { error: (iss) => `unknown network action ${JSON.stringify(iss.input)}; use none, throttle or block` })
      .default('none'),
    lateFeeMinor: z.int({ error: 'must be a whole number of minor units' }).positive({ error: 'must be > 0' }).max(MAX_AMOUNT_MINOR, { error: `must be ≤ ${MAX_AMOUNT_MINOR}` }).optional(),
  }),
});

const calendarSchema = z.strictObject({
  // ISO weekday numbers, as in ISO 8601 and the Temporal API: 1 = Monday … 7 = Sunday.
  // A Bangladeshi ISP works Sunday to Thursday: [7, 1, 2, 3, 4]; a Czech one [1, 2, 3, 4, 5].
  enforcementDays: z
    .array(z.int().min(1, { error: 'weekdays are 1 (Monday) to 7 (Sunday)' }).max(7, { error: 'weekdays are 1 (Monday) to 7 (Sunday)' }))
    .min(1, { error: 'must allow at least one weekday' })
    .refine((ds) => new Set(ds).size === ds.length, { error: 'must not repeat a weekday' })
    .describe('ISO weekdays on which lines may be throttled or blocked: 1 = Monday … 7 = Sunday (Bangladesh: [7, 1, 2, 3, 4])'),
  // Refinements still run after a non-aborting issue such as a malformed time, hence the guard.
  enforcementHours: timeWindow.refine((w) => !isHhMm(w.from) || !isHhMm(w.to) || minutesOfDay(w.from) < minutesOfDay(w.to), {
    error: 'from must be earlier than to (enforcement hours cannot wrap midnight)',
    path: ['to'],
  }),
  holidays: z
    .array(z.string().refine(isIsoDate, { error: (iss) => `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(iss.input)}` }))
    .default([]),
  smsQuietHours: timeWindow.refine((w) => w.from !== w.to, {
    error: 'from and to must differ (quiet hours may wrap midnight, e.g. 21:00–08:00)',
    path: ['to'],
  }),
});

export const policySchema = z
  .strictObject({
    version: z.int().positive().optional(),
    timezone: z.string().refine(isValidTimeZone, {
      error: (iss) => `unknown IANA time zone ${JSON.stringify(iss.input)} (e.g. "Asia/Dhaka")`,
    }),
    graceDays: z.int({ error: 'must be a whole number of days' }).min(0, { error: 'must be ≥ 0' }).default(0),
    states: z.array(stateRuleSchema).min(1, { error: 'must define at least one state' }),
    calendar: calendarSchema,
    restore: z.strictObject({
      when: z.enum(['below_threshold', 'fully_paid'], { error: 'must be "below_threshold" or "fully_paid"' }),
    }),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.states.forEach((state, i) => {
      const first = seen.get(state.name);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['states', i, 'name'], message: `duplicate state name "${state.name}" (also states[${first}])` });
      } else seen.set(state.name, i);
      if (i === 0) return;
      const prev = policy.states[i - 1];
      if (state.conditions.daysPastDue <= prev.conditions.daysPastDue) {
        ctx.addIssue({
          code: 'custom',
          path: ['states', i, 'conditions', 'daysPastDue'],
          message: `must be greater than ${prev.conditions.daysPastDue} of the previous state "${prev.name}"; list states from earliest to latest`,
        });
      }
      if (networkSeverity(state.actions.network) < networkSeverity(prev.actions.network)) {
        ctx.addIssue({
          code: 'custom',
          path: ['states', i, 'actions', 'network'],
          message: `"${state.actions.network}" is less severe than "${prev.actions.network}" of the previous state "${prev.name}"; severity must never decrease (none < throttle < block)`,
        });
      }
    });
  });

export type Policy = z.output<typeof policySchema>;
export type PolicyDocument = z.input<typeof policySchema>;
export type DunningStateRule = Policy['states'][number];
export type NotifyAction = z.output<typeof notifySchema>;
export type EnforcementCalendar = Policy['calendar'];
export type RestoreWhen = Policy['restore']['when'];

export interface PolicyIssue {
  path: string;
  message: string;
}

export class PolicyValidationError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(`invalid dunning policy:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PolicyValidationError';
  }
}

/** ['states', 2, 'conditions'] → "states[2].conditions"; the document root is "(root)". */
function formatPath(path: readonly PropertyKey[]): string {
  const text = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
  return text === '' ? '(root)' : text;
}

/** Validates a policy document (object, or its JSON text); throws PolicyValidationError. */
export function parsePolicy(json: unknown): Policy {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw new PolicyValidationError([{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const result = policySchema.safeParse(input);
  if (!result.success) {
    throw new PolicyValidationError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return result.data;
}
