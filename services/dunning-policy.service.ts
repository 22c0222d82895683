import type { Client } from '@temporalio/client';
import { parsePolicy, PolicyValidationError, type Policy } from '../domain/dunning';
import { audit, type Actor } from '../data/audit';
import { currentDunningPolicy, type StoredPolicy } from '../data/dunning-policy';
import type { Db } from '../infra/prisma';
import { logger } from '../infra/logger';
import type { Prisma } from '../prisma/generated/client';
import { ApiError } from '../api/errors';
import { CUSTOMER_WORKFLOW_TYPE } from './customer-signals';

export { currentDunningPolicy };

/** Validates and stores a new policy version; running workflows pick it up on their next evaluation. */
export async function saveDunningPolicy(db: Db, actor: Actor, document: unknown): Promise<StoredPolicy> {
  let policy: Policy;
  try {
    policy = parsePolicy(document);
  } catch (err) {
    if (err instanceof PolicyValidationError) {
      const first = err.issues[0]!;
      throw new ApiError(400, 'invalid_policy', `${first.path}: ${first.message}`, `body.${first.path}`, err.issues.map((i) => ({ field: `body.${i.path}`, reason: i.message })));
    }
    throw err;
  }
  return db.$transaction(async (tx) => {
    const row = await tx.dunningPolicy.create({ data: { document: policy as unknown as Prisma.InputJsonValue, createdBy: `${actor.type}:${actor.id}` } });
    await audit(tx, { actor, action: 'dunning_policy.saved', entityType: 'dunning_policy', entityId: row.version });
    return { version: row.version, policy };
  });
}

/**
 * Tells running customer workflows to re-evaluate now. Best effort: each workflow also
 * reloads the policy whenever it wakes, so a missed signal only delays the change.
 */
export async function broadcastPolicyChange(temporal: Client, version: number, concurrency = 20): Promise<number> {
  const query = `WorkflowType = '${CUSTOMER_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
  let signalled = 0;
  const inFlight = new Set<Promise<void>>();
  for await (const wf of temporal.workflow.list({ query })) {
    const p = temporal.workflow
      .getHandle(wf.workflowId)
      .signal('policyChanged', { version })
      .then(() => void signalled++)
      .catch((err) => logger.warn({ err, workflowId: wf.workflowId }, 'policyChanged signal failed'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return signalled;
}
