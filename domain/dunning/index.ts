// Public API of the dunning policy: validate a policy, place a customer on its ladder,
// and find when enforcement or an SMS may happen. Everything here is pure and
// deterministic, safe to import from Temporal workflow code.
export {
  KNOWN_TEMPLATES,
  NETWORK_ACTIONS,
  RESERVED_STATE_NAMES,
  MIN_DAYS_PAST_DUE,
  networkSeverity,
  parsePolicy,
  policySchema,
  PolicyValidationError,
  type DunningStateRule,
  type EnforcementCalendar,
  type NetworkAction,
  type NotifyAction,
  type Policy,
  type PolicyDocument,
  type PolicyIssue,
  type RestoreWhen,
  type TemplateName,
} from './policy-schema';
export { DEFAULT_POLICY_DOCUMENT, defaultDunningPolicy, ISP_COUNTRIES, type IspCountry } from './default-policy';
export { type DunningFacts } from './state-conditions';
export { shouldRestore } from './restore-rule';
export {
  actsNow,
  evaluateDunning,
  STATE_CURRENT,
  STATE_PAID,
  type DunningEvaluation,
  type NextThreshold,
} from './evaluate';
export {
  isEnforcementDay,
  nextAllowedEnforcementAt,
  nextAllowedSmsAt,
  type CalendarRules,
  type SmsRules,
} from './enforcement-calendar';
export { formatLocal, localDate, localMidnight, zonedTimeToInstant, type IsoDate } from './zoned-time';
