import { ApiError, notFound } from '../../api/errors';
import { auditMany, operatorActor } from '../../data/audit';
import type { ExceptionReason } from '../../domain/statements';
import type { Db } from '../../infra/prisma';

/** Lines that need no booking, settled in one go: by their ids, or every open one with a reason. */
export type Dismissal = { action: 'ignore' | 'refund_pending'; note: string } & ({ lineIds: number[] } | { reason: ExceptionReason });

export interface Dismissed {
  resolved: number;
  lineIds: number[];
}

/**
 * Ignores (or marks refund-pending) many exceptions of one statement at once: a month of
 * bank fees, a batch of refunds. All of them or none: a line that is not an open exception
 * of this statement fails the whole request. Each line gets its own audit row.
 */
export async function dismissExceptions(db: Db, operatorId: number, statementId: number, dismissal: Dismissal): Promise<Dismissed> {
  return db.$transaction(async (tx) => {
    const statement = await tx.bankStatement.findUnique({ where: { id: statementId }, select: { status: true } });
    if (!statement) throw notFound(`statement ${statementId}`);
    // By reason means every such line; while matching still runs, more are on their way.
    if ('reason' in dismissal && statement.status !== 'reconciled') {
      throw new ApiError(409, 'conflict', `statement ${statementId} is still being reconciled; dismiss by reason once it is reconciled, or name the lines`);
    }
    const lines = 'lineIds' in dismissal
      ? await tx.$queryRaw<Array<{ id: number; line_no: number; state: string }>>`
          select id, line_no, state::text from bank_transactions where statement_id = ${statementId} and id = any(${dismissal.lineIds}::int[]) order by id for update`
      : await tx.$queryRaw<Array<{ id: number; line_no: number; state: string }>>`
          select id, line_no, state::text from bank_transactions
           where statement_id = ${statementId} and state = 'exception' and exception_reason = ${dismissal.reason} order by id for update`;
    if ('lineIds' in dismissal) {
      const found = new Set(lines.map((l) => l.id));
      const missing = dismissal.lineIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new ApiError(400, 'validation', `not lines of statement ${statementId}: ${missing.slice(0, 10).join(', ')}`, 'body.lineIds');
      const settled = lines.filter((l) => l.state !== 'exception');
      if (settled.length > 0) throw new ApiError(409, 'conflict', `not open exceptions: ${settled.slice(0, 10).map((l) => `line ${l.line_no} is ${l.state}`).join(', ')}`);
    }
    const ids = lines.map((l) => l.id);
    const state = dismissal.action === 'ignore' ? 'ignored' : 'refund_pending';
    await tx.$executeRaw`
      update bank_transactions set state = ${state}::"BankLineState", resolved_by_id = ${operatorId}, resolved_at = now(), resolution_note = ${dismissal.note}
       where id = any(${ids}::int[])`;
    await auditMany(tx, lines.map((l) => ({
      actor: operatorActor(operatorId), action: 'statement.exception_resolved', entityType: 'bank_transaction', entityId: l.id,
      reason: dismissal.note, data: { statementId, lineNo: l.line_no, action: dismissal.action, bulk: true },
    })));
    return { resolved: ids.length, lineIds: ids };
  }, { timeout: 120_000, maxWait: 10_000 });
}
