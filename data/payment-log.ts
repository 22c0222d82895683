import { Prisma } from '../prisma/generated/client';
import type { PaymentMethod, PaymentSource } from '../prisma/generated/enums';
import { pgPool, type Db } from '../infra/prisma';
import { resolveSearch, searchCondition, type PaymentSearch } from './payment-search';

export interface PaymentLogFilter {
  /** Only payments of this reseller's customers. */
  resellerId?: number;
  /** recorded_at >= from */
  from?: Date;
  /** recorded_at < to */
  to?: Date;
  operatorId?: number;
  method?: PaymentMethod;
  /** Case-insensitive substring of customer name, username or payment reference. */
  q?: string;
  /** `q` looked up once (see payment-search.ts), for callers that read many pages. */
  search?: PaymentSearch;
}

/** Position in the log (newest first): the next page starts strictly after this row. */
export interface PaymentLogKey {
  recordedAt: Date;
  id: number;
}

export interface PaymentLogRow {
  id: number;
  customerId: number;
  customerName: string;
  username: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  source: PaymentSource;
  operatorId: number | null;
  operatorName: string | null;
  gateway: string | null;
  /** The bank statement the payment was read from. */
  statementId: number | null;
  reference: string | null;
  note: string | null;
  receivedAt: Date;
  recordedAt: Date;
  reversedAt: Date | null;
  reversalReason: string | null;
}

/** The WHERE clause of the log over `payments p join customers c left join operators o`, `filter.search` resolved. */
export function logConditions(f: PaymentLogFilter, after?: PaymentLogKey): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.resellerId !== undefined) parts.push(Prisma.sql`c.reseller_id = ${f.resellerId}`);
  if (f.from) parts.push(Prisma.sql`p.recorded_at >= ${f.from}::timestamptz`);
  if (f.to) parts.push(Prisma.sql`p.recorded_at < ${f.to}::timestamptz`);
  if (f.operatorId !== undefined) parts.push(Prisma.sql`p.operator_id = ${f.operatorId}`);
  if (f.method) parts.push(Prisma.sql`p.method = ${f.method}::"PaymentMethod"`);
  if (f.search) parts.push(searchCondition(f.search));
  // A row comparison, so Postgres walks the (recorded_at, id) index instead of re-sorting per page.
  if (after) parts.push(Prisma.sql`(p.recorded_at, p.id) < (${after.recordedAt}::timestamptz, ${after.id})`);
  return Prisma.join(parts, ' and ');
}

/** The filter with its search looked up, so each page of an export does not repeat that. */
export async function withSearch(db: Pick<Db, '$queryRaw'>, filter: PaymentLogFilter): Promise<PaymentLogFilter> {
  return filter.q && !filter.search ? { ...filter, search: await resolveSearch(db, filter.q, filter.resellerId) } : filter;
}

/** The page query itself; `filter.search` must already be resolved (see withSearch). */
export function paymentLogSql(filter: PaymentLogFilter, after: PaymentLogKey | undefined, limit: number): Prisma.Sql {
  return Prisma.sql`
    select p.id, p.customer_id as "customerId", c.name as "customerName", c.username,
           p.amount_minor as "amountMinor", p.currency, p.method::text as method, p.source::text as source,
           p.operator_id as "operatorId", o.name as "operatorName", p.gateway, p.statement_id as "statementId", p.reference, p.note,
           p.received_at as "receivedAt", p.recorded_at as "recordedAt",
           p.reversed_at as "reversedAt", p.reversal_reason as "reversalReason"
      from payments p
      join customers c on c.id = p.customer_id
      left join operators o on o.id = p.operator_id
     where ${logConditions(filter, after)}
     order by p.recorded_at desc, p.id desc
     limit ${limit}`;
}

/**
 * One page of the payment log, newest recorded first. Sent on the pool under Prisma
 * rather than through $queryRaw: the page is the log's hot path, and Prisma's decoding
 * of raw rows cost more than the query itself (pg parses int8 to text, timestamptz to Date).
 */
export async function paymentLogPage(db: Db, filter: PaymentLogFilter, after: PaymentLogKey | undefined, limit: number): Promise<PaymentLogRow[]> {
  const sql = paymentLogSql(await withSearch(db, filter), after, limit);
  const { rows } = await pgPool(db).query<Omit<PaymentLogRow, 'amountMinor'> & { amountMinor: string }>(sql.text, sql.values as unknown[]);
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor) }));
}
