import type { Prisma } from '../prisma/generated/client';

export interface LockedCustomer {
  id: number;
  currency: string;
}

/**
 * Row-locks the customer until the transaction ends. Everything that moves money
 * for a customer takes this lock first, so concurrent payments and reversals for
 * one customer run one after another and each sees the ledger the previous left.
 */
export async function lockCustomer(tx: Pick<Prisma.TransactionClient, '$queryRaw'>, customerId: number): Promise<LockedCustomer | undefined> {
  const rows = await tx.$queryRaw<LockedCustomer[]>`select id, currency from customers where id = ${customerId} for update`;
  return rows[0];
}
