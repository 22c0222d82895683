import { newApiKey } from '../api/api-keys';
import { audit, type Actor } from '../data/audit';
import type { Db } from '../infra/prisma';
import type { OperatorRole } from '../prisma/generated/enums';

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
