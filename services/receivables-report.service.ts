import type { Caller } from '../api/auth';
import { receivablesPage, type ReceivableRow, type ReceivableTotal } from '../data/receivables';
import type { Db } from '../infra/prisma';
import { period, reportDay } from './report-period';

export interface ReceivablesRequest {
  asOf?: string;
  tz: string;
  /** Staff may narrow to one reseller's customers; a reseller always gets their own. */
  resellerId?: number;
  after: number;
  limit: number;
}

export interface ReceivablesReport {
  asOf: string;
  timeZone: string;
  items: ReceivableRow[];
  /** Per currency, over every customer in the report, not just this page. */
  totals: ReceivableTotal[];
  /** Pass as `after` for the next page; null on the last one. */
  next: number | null;
}

/** Who owes what, aged by due date, as the books stood at the end of `asOf`. */
export async function receivablesReport(db: Db, caller: Caller, req: ReceivablesRequest): Promise<ReceivablesReport> {
  const asOf = reportDay(req.asOf, req.tz);
  const resellerId = caller.role === 'reseller' ? caller.operatorId : req.resellerId;
  const { rows, totals } = await receivablesPage(db, { asOf, cutoff: period(asOf, asOf, req.tz).end, resellerId, after: req.after, limit: req.limit + 1 });
  const items = rows.slice(0, req.limit);
  return { asOf, timeZone: req.tz, items, totals, next: rows.length > req.limit ? items.at(-1)!.customerId : null };
}
