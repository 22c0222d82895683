import { ApplicationFailure } from '@temporalio/activity';
import { evaluateDunning, networkSeverity, type NetworkAction } from '../domain/dunning';
import { audit } from '../data/audit';
import { readCustomerFacts } from '../data/customer-facts';
import { NetworkApplyError, type LineState } from '../network/network-adapter';
import type { ActivityDeps } from './deps';

const LINE_STATE: Record<NetworkAction, LineState> = { none: 'active', throttle: 'throttled', block: 'blocked' };

export interface NetworkChange {
  customerId: number;
  target: NetworkAction;
  reason: string;
}

export interface NetworkChangeResult {
  applied: boolean;
  network: NetworkAction;
  detail: string;
}

/**
 * Moves every active line of a customer to `target`. Before a throttle or block it
 * re-reads the ledger and re-evaluates the policy: a customer who has paid is never
 * cut off, even when the workflow acted on a lost or late signal.
 */
export function applyNetworkState(deps: ActivityDeps) {
  return async function applyNetworkState(change: NetworkChange): Promise<NetworkChangeResult> {
    const facts = await readCustomerFacts(deps.db, change.customerId);
    if (!facts) throw ApplicationFailure.nonRetryable(`customer ${change.customerId} does not exist`, 'CustomerNotFound');
    if (change.target !== 'none') {
      const now = new Date();
      const fresh = evaluateDunning(facts.policy, { ...facts, promiseToPayUntil: null, pausedUntil: null }, now);
      if (networkSeverity(fresh.network) < networkSeverity(change.target)) {
        return { applied: false, network: fresh.network, detail: `not applied: Postgres says ${fresh.state} (${fresh.reasons.join('; ')})` };
      }
    }
    const state = LINE_STATE[change.target];
    const today = new Date().toISOString().slice(0, 10);
    const subscriptions = await deps.db.subscription.findMany({
      where: { customerId: change.customerId, startsOn: { lte: new Date(today) }, OR: [{ endsOn: null }, { endsOn: { gte: new Date(today) } }] },
      include: { tariff: true, customer: true },
    });
    for (const sub of subscriptions) {
      await deps.db.subscription.update({ where: { id: sub.id }, data: { networkState: state } });
      try {
        await deps.network.apply({ subscriptionId: sub.id, customerId: sub.customerId, username: sub.customer.username, state, speedProfile: sub.tariff.speedProfile, throttledProfile: sub.tariff.throttledProfile });
      } catch (err) {
        await deps.db.networkAction.create({ data: { customerId: sub.customerId, subscriptionId: sub.id, state, adapter: deps.network.name, result: 'failed', reason: String((err as Error).message) } });
        if (err instanceof NetworkApplyError && !err.retryable) throw ApplicationFailure.nonRetryable(err.message, 'NetworkRejected');
        throw err;
      }
      await deps.db.$transaction(async (tx) => {
        await tx.subscription.update({ where: { id: sub.id }, data: { appliedState: state, appliedAt: new Date() } });
        await tx.networkAction.create({ data: { customerId: sub.customerId, subscriptionId: sub.id, state, adapter: deps.network.name, result: 'applied', reason: change.reason } });
        await audit(tx, { actor: { type: 'system', id: 'dunning' }, action: `network.${state}`, entityType: 'subscription', entityId: sub.id, reason: change.reason });
      });
    }
    return { applied: true, network: change.target, detail: `${subscriptions.length} line(s) ${state} via ${deps.network.name}` };
  };
}
