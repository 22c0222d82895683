import type { Prisma } from '../prisma/generated/client';

/**
 * Serialises, until the transaction ends, everyone handling one gateway transaction: its
 * deliveries and a clerk assigning it. Without it a delivery could find no customer while
 * a concurrent one (after the customer was created) records a payment: money twice.
 */
export async function lockExternalKey(tx: Pick<Prisma.TransactionClient, '$queryRaw'>, externalKey: string): Promise<void> {
  await tx.$queryRaw`select 1 as locked from pg_advisory_xact_lock(hashtext(${externalKey}))`;
}
