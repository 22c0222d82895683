// Whether one rung of the ladder applies to a customer. Conditions split into the
// day threshold (which time alone will eventually satisfy) and the balance/tag
// conditions (which only a change in the account can satisfy); the evaluator needs
// the split to know which future state a timer should wake up for.
import { formatMinor, type Minor } from '../money';
import type { DunningStateRule, NetworkAction } from './policy-schema';
import type { IsoDate } from './zoned-time';

export interface DunningFacts {
  /** Due date of the oldest unpaid invoice, or null when nothing is unpaid. */
  oldestUnpaidDueDate: IsoDate | null;
  /** Total still unpaid, in minor units. */
  overdueMinor: Minor;
  unpaidInvoices: number;
  tags: readonly string[];
  promiseToPayUntil: Date | null;
  pausedUntil: Date | null;
  /** ISO 4217 code of the amounts, printed in reasons; the policy's thresholds are in the same minor units. */
  currency?: string;
  /** Restriction currently applied to the line; only consulted when restore.when is 'fully_paid'. */
  enforcedNetwork?: NetworkAction;
}

/** "1200.00 BDT": an amount in a reason, with the customer's currency when the facts name it. */
export function formatAmount(amount: Minor, currency?: string): string {
  return formatMinor(amount, currency ?? '').trim();
}

export function skippingTag(rule: DunningStateRule, tags: readonly string[]): string | null {
  return rule.conditions.skipIfTags?.find((t) => tags.includes(t)) ?? null;
}

/** Why the balance/tag conditions fail, or null when they all hold. */
export function accountBlocker(rule: DunningStateRule, facts: DunningFacts): string | null {
  const tag = skippingTag(rule, facts.tags);
  if (tag !== null) return `tagged '${tag}'`;
  const { minOverdueMinor, minUnpaidInvoices } = rule.conditions;
  if (facts.overdueMinor < minOverdueMinor) {
    return `overdue ${formatAmount(facts.overdueMinor, facts.currency)} < ${formatAmount(minOverdueMinor, facts.currency)}`;
  }
  if (minUnpaidInvoices !== undefined && facts.unpaidInvoices < minUnpaidInvoices) {
    return `${facts.unpaidInvoices} unpaid invoice(s) < ${minUnpaidInvoices}`;
  }
  return null;
}

export function dayThresholdReached(rule: DunningStateRule, daysPastDue: number): boolean {
  return daysPastDue >= rule.conditions.daysPastDue;
}

/** What made a state apply, for the evaluation's reasons. */
export function describeMatch(rule: DunningStateRule, facts: DunningFacts): string[] {
  const parts: string[] = [];
  if (rule.conditions.minOverdueMinor > 0) {
    parts.push(`overdue ${formatAmount(facts.overdueMinor, facts.currency)} ≥ ${formatAmount(rule.conditions.minOverdueMinor, facts.currency)}`);
  }
  if (rule.conditions.minUnpaidInvoices !== undefined) {
    parts.push(`${facts.unpaidInvoices} unpaid invoice(s) ≥ ${rule.conditions.minUnpaidInvoices}`);
  }
  return parts;
}
