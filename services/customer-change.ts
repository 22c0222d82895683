import type { Caller } from '../api/auth';
import { ApiError, notFound } from '../api/errors';
import { lockCustomer } from '../data/customer-lock';
import type { Db } from '../infra/prisma';
import type { Customer, Prisma } from '../prisma/generated/client';
import { customerScope } from './customer-scope';

/** A business rule rejected one body field: 400 with the field and the reason. */
export function invalidField(field: string, reason: string): ApiError {
  return new ApiError(400, 'validation', reason, `body.${field}`);
}

/**
 * Runs `work` in one transaction under the customer's row lock, so changes to one
 * customer's billing data never interleave. A customer the caller may not see
 * (another reseller's) is "not found", never "forbidden".
 */
export async function changeVisibleCustomer<T>(db: Db, caller: Caller, customerId: number, work: (tx: Prisma.TransactionClient, customer: Customer) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const locked = await lockCustomer(tx, customerId);
    const customer = locked && (await tx.customer.findFirst({ where: { id: customerId, ...customerScope(caller) } }));
    if (!customer) throw notFound(`customer ${customerId}`);
    return work(tx, customer);
  });
}
