import { ApiError, notFound } from '../../api/errors';
import { audit, type Actor } from '../../data/audit';
import { candidateFor } from '../../data/match-candidates';
import { bookMatchedLines } from '../../data/statement-booking';
import { lockStatementLine } from '../../data/statement-lines';
import { accountMatchKey, MatchInputError, settleAssignedLine } from '../../domain/statements';
import type { Db } from '../../infra/prisma';

export type Resolution =
  | { action: 'assign'; customerId: number; invoiceId?: number; note?: string }
  | { action: 'ignore' | 'refund_pending'; note: string };

export interface ResolvedLine {
  lineId: number;
  state: string;
  paymentId: number | null;
}

/**
 * A clerk's answer to one exception. Assigning books the line exactly as an automatic
 * match would (same payment, allocation, audit and signal path) and remembers the payer's
 * account for that customer, so the next payment from it matches by itself.
 */
export async function resolveException(db: Db, operatorId: number, statementId: number, lineId: number, resolution: Resolution): Promise<ResolvedLine> {
  const actor: Actor = { type: 'operator', id: operatorId };
  return db.$transaction(async (tx) => {
    const line = await lockStatementLine(tx, statementId, lineId);
    if (!line) throw notFound(`line ${lineId} of statement ${statementId}`);
    if (line.state !== 'exception') throw new ApiError(409, 'conflict', `line ${line.lineNo} is ${line.state}, not an open exception`);

    if (resolution.action === 'assign') {
      if (line.repeat) throw new ApiError(400, 'validation', `line ${line.lineNo} repeats an earlier line of this statement; it can only be ignored`, 'body.action');
      const [customer] = await tx.$queryRaw<Array<{ id: number; payment_reference: string; currency: string }>>`
        select id, payment_reference, currency from customers where id = ${resolution.customerId} for update`;
      if (!customer) throw new ApiError(400, 'validation', `customer ${resolution.customerId} does not exist`, 'body.customerId');
      if (customer.currency.trim() !== line.currency) throw new ApiError(400, 'validation', `customer ${customer.id} pays in ${customer.currency}, the line is in ${line.currency}`, 'body.customerId');
      const candidate = await candidateFor(tx, customer);
      let outcome;
      try {
        outcome = settleAssignedLine({ lineNo: line.lineNo, identity: line.identity, amountMinor: line.amountMinor, message: line.line.message }, candidate, resolution.invoiceId === undefined ? undefined : String(resolution.invoiceId));
      } catch (error) {
        if (error instanceof MatchInputError) throw new ApiError(400, 'validation', error.message, resolution.invoiceId !== undefined && line.amountMinor > 0 ? 'body.invoiceId' : 'body.action');
        throw error;
      }
      await bookMatchedLines(tx, statementId, actor, [{ line, outcome: { ...outcome, matchedBy: 'clerk' } }], 'assigned');
      if (line.counterAccount) {
        await tx.knownCounterAccount.createMany({ data: [{ accountKey: accountMatchKey(line.counterAccount), customerId: customer.id, createdById: operatorId }], skipDuplicates: true });
      }
    } else {
      await tx.bankTransaction.update({ where: { id: line.id }, data: { state: resolution.action === 'ignore' ? 'ignored' : 'refund_pending' } });
    }
    const resolved = await tx.bankTransaction.update({
      where: { id: line.id },
      data: { resolvedById: operatorId, resolvedAt: new Date(), resolutionNote: resolution.note ?? null },
    });
    await audit(tx, {
      actor, action: 'statement.exception_resolved', entityType: 'bank_transaction', entityId: line.id, reason: resolution.note,
      data: { statementId, lineNo: line.lineNo, ...resolution, paymentId: resolved.paymentId },
    });
    return { lineId: line.id, state: resolved.state, paymentId: resolved.paymentId };
  });
}
