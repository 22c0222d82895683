import type { Prisma } from '../prisma/generated/client';

export type Actor =
  | { type: 'operator'; id: number }
  | { type: 'system'; id: string }
  | { type: 'gateway'; id: string };

export interface AuditEntry {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  reason?: string;
  data?: Prisma.InputJsonValue;
}

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Append one row to the audit trail inside the caller's transaction. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(entry) });
}

/** Append one row per entry, in one insert. */
export async function auditMany(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.auditLog.createMany({ data: entries.map(auditRow) });
}

function auditRow(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    actorType: entry.actor.type,
    actorId: String(entry.actor.id),
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    reason: entry.reason,
    data: entry.data,
  };
}

export function operatorActor(operatorId: number): Actor {
  return { type: 'operator', id: operatorId };
}
