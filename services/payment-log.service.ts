import type { Caller } from '../api/auth';
import { ApiError } from '../api/errors';
import { paymentLogPage, type PaymentLogFilter, type PaymentLogKey, type PaymentLogRow } from '../data/payment-log';
import { addDays, localMidnight } from '../domain/dunning/zoned-time';
import type { Db } from '../infra/prisma';
import type { PaymentMethod } from '../prisma/generated/enums';

/** The filters an operator sets on the Customer Payments page (already format-checked). */
export interface PaymentLogQuery {
  /** First day, 'YYYY-MM-DD', inclusive. */
  from?: string;
  /** Last day, 'YYYY-MM-DD', inclusive. */
  to?: string;
  /** Whose calendar the days are (an operator's "today" in Dhaka is not a UTC day). */
  tz: string;
  operatorId?: number;
  method?: PaymentMethod;
  q?: string;
}

export interface PaymentLogEntry extends PaymentLogRow {
  /** The Operator column: who took the cash, or which gateway processed it. */
  collectedBy: string;
}

export function paymentLogFilter(caller: Caller, query: PaymentLogQuery): PaymentLogFilter {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError(400, 'validation', `must not be before from (${query.from})`, 'querystring.to');
  }
  return {
    resellerId: caller.role === 'reseller' ? caller.operatorId : undefined,
    from: query.from ? localMidnight(query.from, query.tz) : undefined,
    to: query.to ? localMidnight(addDays(query.to, 1), query.tz) : undefined,
    operatorId: query.operatorId,
    method: query.method,
    q: query.q,
  };
}

export function toLogEntry(row: PaymentLogRow): PaymentLogEntry {
  return { ...row, collectedBy: row.operatorName ?? row.gateway ?? (row.statementId ? `bank statement ${row.statementId}` : row.source) };
}

export function encodeCursor(key: PaymentLogKey): string {
  return Buffer.from(JSON.stringify([key.recordedAt.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): PaymentLogKey {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const recordedAt = new Date(String(at));
    if (typeof at === 'string' && Number.isSafeInteger(id) && !Number.isNaN(recordedAt.getTime())) return { recordedAt, id: id as number };
  } catch {
    /* reported below */
  }
  throw new ApiError(400, 'validation', 'is not a cursor returned by this endpoint', 'querystring.cursor');
}

function keyOf(row: PaymentLogRow): PaymentLogKey {
  return { recordedAt: row.recordedAt, id: row.id };
}

export async function listPayments(db: Db, caller: Caller, query: PaymentLogQuery, cursor: string | undefined, limit: number): Promise<{ items: PaymentLogEntry[]; nextCursor: string | null }> {
  const rows = await paymentLogPage(db, paymentLogFilter(caller, query), cursor ? decodeCursor(cursor) : undefined, limit + 1);
  const items = rows.slice(0, limit);
  return { items: items.map(toLogEntry), nextCursor: rows.length > limit ? encodeCursor(keyOf(items.at(-1)!)) : null };
}
