// When a throttled or blocked line gets its service back.
//  - 'below_threshold': as soon as no restricting state holds any more, e.g. a partial
//    payment takes the balance under the state's minOverdueMinor.
//  - 'fully_paid': partial payments (including ones that make a newer invoice the
//    oldest, so fewer days past due) change nothing; only a zero balance restores.
// In both modes a skip tag (e.g. 'vip' added by support) lifts the restriction, and a
// promise-to-pay or pause suspends it (handled by the evaluator).
import { networkSeverity, NETWORK_ACTIONS, type NetworkAction } from './network-actions';
import type { Policy } from './policy-schema';
import { accountBlocker, skippingTag, type DunningFacts } from './state-conditions';

/**
 * True when the account alone (balance and tags, whatever the date) justifies lifting
 * every network restriction now.
 */
export function shouldRestore(policy: Policy, facts: DunningFacts): boolean {
  if (facts.overdueMinor <= 0) return true;
  const restricting = policy.states.filter((s) => s.actions.network !== 'none');
  const canStillApply =
    policy.restore.when === 'fully_paid'
      ? (s: (typeof restricting)[number]) => skippingTag(s, facts.tags) === null
      : (s: (typeof restricting)[number]) => accountBlocker(s, facts) === null;
  return !restricting.some(canStillApply);
}

/**
 * Under 'fully_paid', the restriction already applied (facts.enforcedNetwork) that must
 * stay in place even though the ladder alone would now ask for less; 'none' otherwise.
 * Capped at the most severe action a state not skipped by the customer's tags could impose.
 */
export function heldNetwork(policy: Policy, facts: DunningFacts): NetworkAction {
  const enforced = facts.enforcedNetwork ?? 'none';
  if (policy.restore.when !== 'fully_paid' || enforced === 'none' || shouldRestore(policy, facts)) return 'none';
  const cap = Math.max(
    0,
    ...policy.states.filter((s) => skippingTag(s, facts.tags) === null).map((s) => networkSeverity(s.actions.network)),
  );
  return NETWORK_ACTIONS[Math.min(cap, networkSeverity(enforced))];
}
