import type { DunningView } from '../workflows/customer-billing.messages';
import { customerWorkflowId } from '../workflows/customer-billing.messages';
import { recordTimeline } from '../data/dunning-events';
import type { ActivityDeps } from './deps';

/**
 * Projects the workflow's conclusion into Postgres for reports and support screens, and
 * keeps its timeline there, so the history outlives the workflow (a customer who paid).
 */
export function recordDunningState(deps: ActivityDeps) {
  return async function recordDunningState(view: DunningView, lastEvent: string | null): Promise<void> {
    const data = {
      state: view.state,
      network: view.network,
      overdueMinor: BigInt(view.overdueMinor),
      nextAction: view.nextAction?.action ?? null,
      nextActionAt: view.nextAction ? new Date(view.nextAction.at) : null,
      promiseToPayUntil: view.promiseToPayUntil ? new Date(view.promiseToPayUntil) : null,
      pausedUntil: view.pausedUntil ? new Date(view.pausedUntil) : null,
      reasons: view.reasons,
      lastEvent,
      updatedAt: new Date(),
    };
    await Promise.all([
      deps.db.customerDunning.upsert({
        where: { customerId: view.customerId },
        create: { customerId: view.customerId, workflowId: customerWorkflowId(view.customerId), ...data },
        update: data,
      }),
      recordTimeline(deps.db, view.customerId, view.timeline),
    ]);
  };
}
