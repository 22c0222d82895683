import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperatorRole } from '../prisma/generated/enums';
import type { Db } from '../infra/prisma';
import { hashApiKey } from './api-keys';
import { cachedOperatorLookup } from './operator-cache';

export interface Caller {
  operatorId: number;
  name: string;
  role: OperatorRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent means public (health, docs). */
    roles?: readonly OperatorRole[];
  }
}

export const ALL_ROLES: readonly OperatorRole[] = ['admin', 'manager', 'billing_clerk', 'reseller', 'support'];
export const STAFF_WRITE: readonly OperatorRole[] = ['admin', 'manager', 'billing_clerk'];

export function authenticate(db: Db) {
  const operatorByKeyHash = cachedOperatorLookup((apiKeyHash) =>
    db.operator.findUnique({ where: { apiKeyHash }, select: { id: true, name: true, role: true, active: true } }));
  return async function onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const roles = request.routeOptions.config?.roles;
    if (!roles) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      await reply.code(401).send({ error: 'unauthorized', message: 'send an operator API key as "Authorization: Bearer <key>"' });
      return;
    }
    const operator = await operatorByKeyHash(hashApiKey(match[1]!));
    if (!operator || !operator.active) {
      await reply.code(401).send({ error: 'unauthorized', message: 'unknown or disabled API key' });
      return;
    }
    if (!roles.includes(operator.role)) {
      await reply.code(403).send({ error: 'forbidden', message: `role ${operator.role} may not do this` });
      return;
    }
    request.caller = { operatorId: operator.id, name: operator.name, role: operator.role };
  };
}
