import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { formatLocal } from '../domain/dunning';
import { readTimeline } from '../data/dunning-events';
import { currentDunningPolicy } from '../data/dunning-policy';
import type { Db } from '../infra/prisma';
import { logger } from '../infra/logger';
import { customerWorkflowId, dunningStateQuery, type DunningView, type TimelineEntry } from '../workflows/customer-billing.messages';

export interface DunningStatus extends DunningView {
  workflowId: string;
  running: boolean;
  /** The ISP's time zone (the policy's): `local` times and the timeline's texts use it. */
  timeZone: string;
  timeline: Array<TimelineEntry & { local: string }>;
}

/**
 * Asks the running workflow first (it knows the next action), falling back to the
 * projection in Postgres when no workflow is running. The timeline always comes from
 * Postgres, with what the running workflow noted since its last projection, so a paid
 * customer's history stays visible after the workflow ended.
 */
export async function readDunningStatus(deps: { db: Db; temporal: Client }, customerId: number): Promise<DunningStatus> {
  const workflowId = customerWorkflowId(customerId);
  const live = await queryRunning(deps.temporal, workflowId);
  const [row, customer, { policy }] = await Promise.all([
    live ? null : deps.db.customerDunning.findUnique({ where: { customerId } }),
    deps.db.customer.findUnique({ where: { id: customerId }, select: { currency: true } }),
    currentDunningPolicy(deps.db),
  ]);
  const view: DunningView = live ?? {
    customerId,
    state: row?.state ?? 'current',
    network: (row?.network ?? 'none') as DunningView['network'],
    overdueMinor: Number(row?.overdueMinor ?? 0),
    currency: null,
    nextAction: row?.nextAction && row.nextActionAt ? { action: row.nextAction, at: row.nextActionAt.toISOString() } : null,
    promiseToPayUntil: row?.promiseToPayUntil?.toISOString() ?? null,
    pausedUntil: row?.pausedUntil?.toISOString() ?? null,
    reasons: row?.reasons ?? [],
    timeline: [],
  };
  const timeline = await readTimeline(deps.db, customerId, view.timeline);
  return {
    ...view,
    currency: view.currency ?? customer?.currency ?? null,
    workflowId,
    running: live !== null,
    timeZone: policy.timezone,
    timeline: timeline.map((e) => ({ ...e, kind: e.kind as TimelineEntry['kind'], local: formatLocal(new Date(e.at), policy.timezone) })),
  };
}

async function queryRunning(temporal: Client, workflowId: string): Promise<DunningView | null> {
  try {
    const handle = temporal.workflow.getHandle(workflowId);
    if ((await handle.describe()).status.name === 'RUNNING') return await handle.query(dunningStateQuery);
  } catch (err) {
    // No worker polling right now (deploy, crash): answer from Postgres rather than fail.
    if (!(err instanceof WorkflowNotFoundError)) logger.warn({ err, workflowId }, 'dunning query failed; answering from the database');
  }
  return null;
}
