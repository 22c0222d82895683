// Where a customer stands on the dunning ladder at one instant. Pure: the workflow
// calls it on every wake-up (timer, payment, tag change) and acts on the difference
// from what it last applied, so the result describes a state, not an event.
import { assertMinor, type Minor } from '../money';
import { networkSeverity, NETWORK_ACTIONS, type NetworkAction } from './network-actions';
import type { NotifyAction, Policy } from './policy-schema';
import { noticeContradiction } from './notice-dates';
import { heldNetwork } from './restore-rule';
import { accountBlocker, dayThresholdReached, describeMatch, formatAmount, type DunningFacts } from './state-conditions';
import { addDays, daysBetween, localDate, localMidnight } from './zoned-time';

export const STATE_CURRENT = 'current';
export const STATE_PAID = 'paid';

export interface NextThreshold {
  state: string;
  at: Date;
}

export interface DunningEvaluation {
  /** Name of the reached state, or 'current' / 'paid'. */
  state: string;
  /** Index into policy.states, -1 for 'current' and 'paid'. */
  stateIndex: number;
  /** Local calendar days since due date + grace (negative before it); null when nothing is dated. */
  daysPastDue: number | null;
  network: NetworkAction;
  /** Notifications of the reached state; empty while suppressed. Send once per state entry. */
  dueActions: NotifyAction[];
  /** Late fee of the reached state; null when none or suppressed. Charge once per state entry. */
  lateFeeMinor: Minor | null;
  /** When to evaluate again if nothing else changes. */
  nextThreshold: NextThreshold | null;
  /** Expiry of an active promise-to-pay or pause, null when none is active. */
  suppressedUntil: Date | null;
  reasons: string[];
}

interface LadderPosition {
  index: number;
  daysPastDue: number;
  network: NetworkAction;
  reasons: string[];
}

function dayCount(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function stateName(policy: Policy, index: number): string {
  return index < 0 ? STATE_CURRENT : policy.states[index].name;
}

function ladderPosition(policy: Policy, facts: DunningFacts, dueDate: string, at: Date): LadderPosition {
  const startsCounting = addDays(dueDate, policy.graceDays);
  const days = daysBetween(startsCounting, localDate(at, policy.timezone));
  const grace = policy.graceDays > 0 ? ` (after ${dayCount(policy.graceDays)} of grace)` : '';
  const when = days >= 0 ? `is ${dayCount(days)} past due${grace}` : `is ${dayCount(-days)} before due${grace}`;
  const reasons = [`oldest invoice due ${dueDate} ${when}`];
  let index = -1;
  let severity = 0;
  policy.states.forEach((rule, i) => {
    if (!dayThresholdReached(rule, days)) return;
    const blocker = accountBlocker(rule, facts);
    if (blocker !== null) {
      reasons.push(`state '${rule.name}' skipped: ${blocker}`);
      return;
    }
    index = i;
    severity = Math.max(severity, networkSeverity(rule.actions.network));
  });
  if (index >= 0) reasons.push(...describeMatch(policy.states[index], facts));
  return { index, daysPastDue: days, network: NETWORK_ACTIONS[severity], reasons };
}

/** The next state that the passing of days alone will reach, at local midnight of its first day. */
function nextByTime(policy: Policy, facts: DunningFacts, dueDate: string, index: number): NextThreshold | null {
  const next = policy.states.findIndex((rule, i) => i > index && accountBlocker(rule, facts) === null);
  if (next < 0) return null;
  const rule = policy.states[next];
  const firstDay = addDays(dueDate, policy.graceDays + rule.conditions.daysPastDue);
  return { state: rule.name, at: localMidnight(firstDay, policy.timezone) };
}

function activeSuppression(facts: DunningFacts, now: Date): { until: Date; why: string } | null {
  const active = [
    { until: facts.promiseToPayUntil, why: 'promise to pay' },
    { until: facts.pausedUntil, why: 'dunning paused' },
  ].filter((s): s is { until: Date; why: string } => s.until !== null && s.until.getTime() > now.getTime());
  if (active.length === 0) return null;
  return active.reduce((a, b) => (b.until.getTime() > a.until.getTime() ? b : a));
}

export function evaluateDunning(policy: Policy, facts: DunningFacts, now: Date): DunningEvaluation {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is an invalid Date');
  assertMinor(facts.overdueMinor, 'overdueMinor');
  const idle = { stateIndex: -1, network: 'none' as const, dueActions: [], lateFeeMinor: null, nextThreshold: null, suppressedUntil: null };
  if (facts.overdueMinor <= 0) {
    return { ...idle, state: STATE_PAID, daysPastDue: null, reasons: ['nothing is owed'] };
  }
  const dueDate = facts.oldestUnpaidDueDate;
  if (dueDate === null) {
    return { ...idle, state: STATE_CURRENT, daysPastDue: null, reasons: [`overdue ${formatAmount(facts.overdueMinor, facts.currency)} but no unpaid invoice has a due date`] };
  }

  const position = ladderPosition(policy, facts, dueDate, now);
  const reasons = [...position.reasons, `state '${stateName(policy, position.index)}'`];
  const rule = position.index >= 0 ? policy.states[position.index] : null;
  let network = position.network;
  const held = heldNetwork(policy, facts);
  if (networkSeverity(held) > networkSeverity(network)) {
    network = held;
    reasons.push(`network stays '${held}' until fully paid (restore policy 'fully_paid')`);
  }

  const base = { state: stateName(policy, position.index), stateIndex: position.index, daysPastDue: position.daysPastDue };
  const suppression = activeSuppression(facts, now);
  if (suppression !== null) {
    const atExpiry = ladderPosition(policy, facts, dueDate, suppression.until);
    reasons.push(`${suppression.why} until ${suppression.until.toISOString()}: no enforcement or notifications`);
    return {
      ...base,
      network: 'none',
      dueActions: [],
      lateFeeMinor: null,
      nextThreshold: { state: stateName(policy, atExpiry.index), at: suppression.until },
      suppressedUntil: suppression.until,
      reasons,
    };
  }
  const dueActions = rule?.actions.notify ? [rule.actions.notify] : [];
  // The send activity refuses these on fresh rows; the reasons say so beforehand.
  for (const action of dueActions) {
    const why = noticeContradiction(action.template, dueDate, localDate(now, policy.timezone));
    if (why !== null) reasons.push(`${action.template} is not sent: ${why}`);
  }
  return {
    ...base,
    network,
    dueActions,
    lateFeeMinor: rule?.actions.lateFeeMinor ?? null,
    nextThreshold: nextByTime(policy, facts, dueDate, position.index),
    suppressedUntil: null,
    reasons,
  };
}

/**
 * Whether carrying out `ev` means doing something now: a notice, a late fee, or a line
 * state other than the one applied. An evaluation that only waits for its next threshold
 * may rest on facts read a moment earlier by someone else (the billing run that issued the
 * invoice); one that acts must rest on facts read for the purpose.
 */
export function actsNow(ev: DunningEvaluation, appliedNetwork: NetworkAction): boolean {
  return ev.dueActions.length > 0 || ev.lateFeeMinor !== null || ev.network !== appliedNetwork;
}
