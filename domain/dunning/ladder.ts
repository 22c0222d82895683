// The dunning rules that workflow code runs: where a customer stands on the ladder and
// when the calendar allows acting. Policy validation (zod) is not among them: a worker
// loads a workflow's modules afresh for every workflow it starts, and building the
// schemas each time cost more than the rest of a first evaluation. Policies are
// validated where they are saved and read (API, activities), so workflows get them valid.
export { NETWORK_ACTIONS, networkSeverity, type NetworkAction } from './network-actions';
export type { DunningStateRule, EnforcementCalendar, NotifyAction, Policy, PolicyDocument, RestoreWhen, TemplateName } from './policy-schema';
export type { DunningFacts } from './state-conditions';
export { shouldRestore } from './restore-rule';
export { actsNow, evaluateDunning, STATE_CURRENT, STATE_PAID, type DunningEvaluation, type NextThreshold } from './evaluate';
export { isEnforcementDay, nextAllowedEnforcementAt, nextAllowedSmsAt, type CalendarRules, type SmsRules } from './enforcement-calendar';
export { formatLocal, localDate, localMidnight, zonedTimeToInstant, type IsoDate } from './zoned-time';
