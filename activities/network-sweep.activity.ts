import { audit } from '../data/audit';
import type { ActivityDeps } from './deps';
import { heartbeatWhile } from './heartbeat-while';

/**
 * Re-applies the desired line state that the network may have lost (a NAS reboot, a
 * failed CoA, a RADIUS table restored from backup): lines whose applied state differs
 * from the desired one, or was last asserted long ago.
 */
export function reapplyNetworkState(deps: ActivityDeps) {
  return async function reapplyNetworkState(input: { limit: number; reassertAfterHours: number }): Promise<{ reapplied: number; failed: number }> {
    return heartbeatWhile(() => reapplyPage(deps, input));
  };
}

async function reapplyPage(deps: ActivityDeps, input: { limit: number; reassertAfterHours: number }): Promise<{ reapplied: number; failed: number }> {
  const stale = await deps.db.$queryRaw<Array<{ id: number }>>`
    select s.id from subscriptions s
     where (s.ends_on is null or s.ends_on >= current_date)
       -- lines dunning never touched keep the network's default and are left alone
       and (s.applied_state is not null or s.network_state <> 'active')
       and (s.applied_state is distinct from s.network_state
            or s.applied_at < now() - make_interval(hours => ${input.reassertAfterHours}::int))
     order by s.applied_at nulls first limit ${input.limit}`;
  const subs = await deps.db.subscription.findMany({
    where: { id: { in: stale.map((r) => r.id) } },
    include: { tariff: true, customer: true },
  });
  let reapplied = 0;
  let failed = 0;
  for (const sub of subs) {
    try {
      await deps.network.apply({ subscriptionId: sub.id, customerId: sub.customerId, username: sub.customer.username, state: sub.networkState, speedProfile: sub.tariff.speedProfile, throttledProfile: sub.tariff.throttledProfile });
      await deps.db.$transaction(async (tx) => {
        await tx.subscription.update({ where: { id: sub.id }, data: { appliedState: sub.networkState, appliedAt: new Date() } });
        await tx.networkAction.create({ data: { customerId: sub.customerId, subscriptionId: sub.id, state: sub.networkState, adapter: deps.network.name, result: 'applied', reason: 'sweep' } });
        if (sub.appliedState !== sub.networkState) {
          await audit(tx, { actor: { type: 'system', id: 'network-sweep' }, action: `network.${sub.networkState}`, entityType: 'subscription', entityId: sub.id, reason: 'desired state re-applied by the sweep' });
        }
      });
      reapplied++;
    } catch (err) {
      failed++;
      await deps.db.networkAction.create({ data: { customerId: sub.customerId, subscriptionId: sub.id, state: sub.networkState, adapter: deps.network.name, result: 'failed', reason: `sweep: ${(err as Error).message}` } });
    }
  }
  return { reapplied, failed };
}
