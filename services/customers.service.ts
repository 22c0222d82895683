import type { Caller } from '../api/auth';
import { ApiError, notFound } from '../api/errors';
import { audit, operatorActor } from '../data/audit';
import { lockCustomerHandles, takenHandle } from '../data/customer-handles';
import type { Db } from '../infra/prisma';
import type { Customer } from '../prisma/generated/client';
import { customerScope } from './customer-scope';
import { signalCustomerAfterCommit } from './customer-signals';

export interface NewCustomer {
  username: string;
  name: string;
  email?: string;
  phone?: string;
  paymentReference: string;
  resellerId?: number;
  timezone: string;
  language: string;
  tags: string[];
  currency: string;
  billingDay: number;
  paymentTermsDays?: number;
  taxExempt: boolean;
}

function isUniqueViolation(err: unknown): err is { meta?: { target?: unknown } } {
  return (err as { code?: string }).code === 'P2002';
}

const invalidReseller = (reason: string) => new ApiError(400, 'validation', reason, 'body.resellerId');

/** A reseller's customers are their own; staff may name any active reseller operator. */
async function resellerFor(db: Db, caller: Caller, requested: number | undefined): Promise<number | undefined> {
  if (caller.role === 'reseller') {
    if (requested !== undefined && requested !== caller.operatorId) throw invalidReseller('a reseller creates customers only for themselves; leave resellerId out');
    return caller.operatorId;
  }
  if (requested === undefined) return undefined;
  const operator = await db.operator.findUnique({ where: { id: requested }, select: { role: true, active: true } });
  if (!operator) throw invalidReseller(`operator ${requested} does not exist`);
  if (operator.role !== 'reseller') throw invalidReseller(`operator ${requested} is not a reseller (role ${operator.role})`);
  if (!operator.active) throw invalidReseller(`operator ${requested} is disabled`);
  return requested;
}

export async function createCustomer(db: Db, caller: Caller, input: NewCustomer): Promise<Customer> {
  const resellerId = await resellerFor(db, caller, input.resellerId);
  try {
    return await db.$transaction(async (tx) => {
      await lockCustomerHandles(tx, [input.username, input.paymentReference]);
      const taken = await takenHandle(tx, input.username, input.paymentReference);
      if (taken) {
        const other = taken === 'username' ? 'payment reference' : 'username';
        throw new ApiError(409, 'conflict', `${taken} is another customer's ${other}; a gateway payment naming it could not tell them apart`, `body.${taken}`);
      }
      const customer = await tx.customer.create({ data: { ...input, resellerId } });
      await audit(tx, { actor: operatorActor(caller.operatorId), action: 'customer.created', entityType: 'customer', entityId: customer.id, data: { username: customer.username } });
      return customer;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const target = JSON.stringify(err.meta ?? '');
      if (target.includes('payment_reference_key_key')) {
        throw new ApiError(409, 'conflict', 'paymentReference reads the same at the bank as another customer\'s (leading zeros and letter case do not count)', 'body.paymentReference');
      }
      const field = target.includes('payment_reference') || target.includes('paymentReference') ? 'paymentReference' : 'username';
      throw new ApiError(409, 'conflict', `${field} is already used by another customer`, `body.${field}`);
    }
    throw err;
  }
}

/** Loads a customer the caller may see; anything else is "not found", never "forbidden". */
export async function getVisibleCustomer(db: Db, caller: Caller, id: number): Promise<Customer> {
  const customer = await db.customer.findFirst({ where: { id, ...customerScope(caller) } });
  if (!customer) throw notFound(`customer ${id}`);
  return customer;
}

export async function setCustomerTags(db: Db, caller: Caller, id: number, tags: string[]): Promise<Customer> {
  await getVisibleCustomer(db, caller, id);
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findUniqueOrThrow({ where: { id } });
    const customer = await tx.customer.update({ where: { id }, data: { tags } });
    await audit(tx, { actor: operatorActor(caller.operatorId), action: 'customer.tags_changed', entityType: 'customer', entityId: id, data: { before: before.tags, after: tags } });
    await signalCustomerAfterCommit(tx, id, { signal: 'tagsChanged', payload: { tags } });
    return customer;
  });
}
