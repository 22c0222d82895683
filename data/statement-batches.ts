import type { Prisma } from '../prisma/generated/client';

type Tx = Pick<Prisma.TransactionClient, 'statementBatch'>;

/** What the batch of `statementId` starting after `afterLineNo` booked, if it committed. */
export async function recordedBatch<T>(tx: Tx, statementId: number, afterLineNo: number): Promise<T | undefined> {
  const row = await tx.statementBatch.findUnique({ where: { statementId_afterLineNo: { statementId, afterLineNo } }, select: { result: true } });
  return row ? (row.result as T) : undefined;
}

/** Stored in the batch's own transaction: the primary key refuses a second batch from the same line. */
export async function recordBatch(tx: Tx, statementId: number, afterLineNo: number, result: Prisma.InputJsonObject): Promise<void> {
  await tx.statementBatch.create({ data: { statementId, afterLineNo, result } });
}
