import type { Prisma } from '../prisma/generated/client';

type Tx = Pick<Prisma.TransactionClient, 'statementBatch'>;

export interface BatchKey {
  statementId: number;
  /** The reconciliation workflow run: a retry of the batch comes from the same run. */
  runId: string;
  afterLineNo: number;
}

/** What the batch booked, if it committed. */
export async function recordedBatch<T>(tx: Tx, key: BatchKey): Promise<T | undefined> {
  const row = await tx.statementBatch.findUnique({ where: { statementId_runId_afterLineNo: key }, select: { result: true } });
  return row ? (row.result as T) : undefined;
}

/** Stored in the batch's own transaction: the primary key refuses a second batch from the same line. */
export async function recordBatch(tx: Tx, key: BatchKey, result: Prisma.InputJsonObject): Promise<void> {
  await tx.statementBatch.create({ data: { ...key, result } });
}
