import type { Db } from '../../infra/prisma';
import { statementSummary, type StatementSummary } from './statement-summary.service';

export interface StatementListItem {
  id: number;
  bankAccountId: number;
  account: string;
  format: string;
  fileName: string;
  status: string;
  lines: number;
  imported: number;
  alreadyKnown: number;
  importedAt: string;
  importedBy: string;
}

export async function listStatements(db: Db, limit: number, beforeId?: number): Promise<StatementListItem[]> {
  return statementRows(db, beforeId ? { id: { lt: beforeId } } : {}, limit);
}

async function statementRows(db: Db, where: { id?: number | { lt: number } }, limit: number): Promise<StatementListItem[]> {
  const rows = await db.bankStatement.findMany({
    where,
    orderBy: { id: 'desc' },
    take: limit,
    include: { bankAccount: { select: { account: true } } },
  });
  return rows.map((s) => ({
    id: s.id, bankAccountId: s.bankAccountId, account: s.bankAccount.account, format: s.format, fileName: s.fileName, status: s.status,
    lines: s.lineCount, imported: s.importedCount, alreadyKnown: s.alreadyKnown, importedAt: s.importedAt.toISOString(), importedBy: s.importedBy,
  }));
}

export async function statementDetail(db: Db, id: number): Promise<(StatementListItem & { summary: StatementSummary }) | undefined> {
  // Not listStatements(before: id + 1): the largest id plus one does not fit the id column.
  const [item] = await statementRows(db, { id }, 1);
  if (!item) return undefined;
  return { ...item, summary: (await statementSummary(db, id))! };
}

export interface ExceptionLine {
  lineId: number;
  lineNo: number;
  state: string;
  reason: string | null;
  detail: string | null;
  bookingDate: string;
  amountMinor: number;
  currency: string;
  variableSymbol: string | null;
  counterAccount: string | null;
  counterName: string | null;
  message: string | null;
  bankReference: string | null;
  candidates: Array<{ customerId: number; name: string; username: string; paymentReference: string }>;
  paymentId: number | null;
  resolvedById: number | null;
  resolutionNote: string | null;
}

/** Lines a clerk must look at (open exceptions), or with `all`, also those already resolved. */
export async function listExceptions(db: Db, statementId: number, all: boolean): Promise<ExceptionLine[]> {
  const lines = await db.bankTransaction.findMany({
    where: { statementId, state: all ? { in: ['exception', 'assigned', 'ignored', 'refund_pending'] } : 'exception' },
    orderBy: { lineNo: 'asc' },
  });
  const ids = [...new Set(lines.flatMap((l) => l.candidateCustomerIds))];
  const customers = await db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true, paymentReference: true } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  return lines.map((l) => ({
    lineId: l.id, lineNo: l.lineNo, state: l.state, reason: l.exceptionReason, detail: l.detail, bookingDate: l.bookingDate.toISOString().slice(0, 10),
    amountMinor: Number(l.amountMinor), currency: l.currency.trim(), variableSymbol: l.variableSymbol, counterAccount: l.counterAccount,
    counterName: l.counterName, message: l.message, bankReference: l.bankReference,
    candidates: l.candidateCustomerIds.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ customerId: c.id, name: c.name, username: c.username, paymentReference: c.paymentReference }] : [];
    }),
    paymentId: l.paymentId, resolvedById: l.resolvedById, resolutionNote: l.resolutionNote,
  }));
}
