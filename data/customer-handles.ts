import type { Prisma } from '../prisma/generated/client';

// A gateway webhook names a customer by one string, which may be a payment reference or a
// username (what subscribers type into bKash). Both therefore live in one namespace: a
// new customer's reference must not be someone else's username, nor the other way round.

type Tx = Pick<Prisma.TransactionClient, '$queryRaw' | 'customer'>;

/**
 * Serialises, until the transaction ends, every creation that claims one of these handles,
 * so two customers cannot take "rahim" as a username and as a reference at the same time.
 * Sorted, so two creations claiming the same pair cannot deadlock.
 */
export async function lockCustomerHandles(tx: Tx, handles: readonly string[]): Promise<void> {
  for (const handle of [...new Set(handles)].sort()) {
    await tx.$queryRaw`select 1 as locked from pg_advisory_xact_lock(hashtext(${`customer-handle:${handle}`}))`;
  }
}

/** Which of a new customer's handles another customer already answers to, if any. */
export async function takenHandle(tx: Tx, username: string, paymentReference: string): Promise<'username' | 'paymentReference' | undefined> {
  const other = await tx.customer.findFirst({
    where: { OR: [{ paymentReference: username }, { username: paymentReference }] },
    select: { username: true, paymentReference: true },
  });
  if (!other) return undefined;
  return other.paymentReference === username ? 'username' : 'paymentReference';
}

/** The customer a webhook's reference names; `ambiguous` when it is one customer's reference and another's username. */
export async function customerByHandle(tx: Tx, handle: string): Promise<number | 'ambiguous' | undefined> {
  const found = await tx.customer.findMany({ where: { OR: [{ paymentReference: handle }, { username: handle }] }, select: { id: true }, take: 2 });
  if (found.length > 1) return 'ambiguous';
  return found[0]?.id;
}
