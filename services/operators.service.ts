import { newApiKey } from '../api/api-keys';
import { ApiError, notFound } from '../api/errors';
import { audit, type Actor } from '../data/audit';
import type { Db } from '../infra/prisma';
import type { OperatorRole } from '../prisma/generated/enums';

export interface OperatorView {
  id: number;
  name: string;
  role: OperatorRole;
  active: boolean;
  /** The first characters of the key, so an admin can tell which key a person holds. */
  apiKeyPrefix: string;
  createdAt: Date;
}

const VIEW = { id: true, name: true, role: true, active: true, apiKeyPrefix: true, createdAt: true } as const;

/** Creates an operator and returns the only copy of its API key (we store a hash). */
export async function createOperator(db: Db, actor: Actor, input: { name: string; role: OperatorRole }): Promise<{ id: number; key: string; name: string; role: OperatorRole }> {
  const { key, hash, prefix } = newApiKey();
  const operator = await db.$transaction(async (tx) => {
    const op = await tx.operator.create({ data: { name: input.name, role: input.role, apiKeyHash: hash, apiKeyPrefix: prefix } });
    await audit(tx, { actor, action: 'operator.created', entityType: 'operator', entityId: op.id, data: { name: op.name, role: op.role } });
    return op;
  });
  return { id: operator.id, key, name: operator.name, role: operator.role };
}

export async function listOperators(db: Db): Promise<OperatorView[]> {
  return db.operator.findMany({ select: VIEW, orderBy: { id: 'asc' } });
}

/** Renames and/or enables/disables; a disabled key stops working within OPERATOR_CACHE_TTL_MS. */
export async function updateOperator(db: Db, actor: Actor, id: number, change: { name?: string; active?: boolean }): Promise<OperatorView> {
  return db.$transaction(async (tx) => {
    const before = await tx.operator.findUnique({ where: { id }, select: VIEW });
    if (!before) throw notFound(`operator ${id}`);
    if (actor.type === 'operator' && actor.id === id && change.active === false) {
      throw new ApiError(409, 'conflict', 'an operator cannot disable their own key', 'body.active');
    }
    const after = await tx.operator.update({ where: { id }, data: change, select: VIEW });
    if (change.name !== undefined && change.name !== before.name) {
      await audit(tx, { actor, action: 'operator.renamed', entityType: 'operator', entityId: id, data: { from: before.name, to: after.name } });
    }
    if (change.active !== undefined && change.active !== before.active) {
      await audit(tx, { actor, action: after.active ? 'operator.enabled' : 'operator.disabled', entityType: 'operator', entityId: id });
    }
    return after;
  });
}

/** Gives the operator a new key, returned only here; the old key stops working within OPERATOR_CACHE_TTL_MS. */
export async function rotateOperatorKey(db: Db, actor: Actor, id: number): Promise<OperatorView & { key: string }> {
  const { key, hash, prefix } = newApiKey();
  return db.$transaction(async (tx) => {
    const exists = await tx.operator.findUnique({ where: { id }, select: { apiKeyPrefix: true } });
    if (!exists) throw notFound(`operator ${id}`);
    const op = await tx.operator.update({ where: { id }, data: { apiKeyHash: hash, apiKeyPrefix: prefix }, select: VIEW });
    await audit(tx, { actor, action: 'operator.key_rotated', entityType: 'operator', entityId: id, data: { oldPrefix: exists.apiKeyPrefix, newPrefix: prefix } });
    return { ...op, key };
  });
}
