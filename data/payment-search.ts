import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';

// The payment log's search: a case-insensitive substring of the customer's name or username,
// or of the payment's reference, each with a trigram GIN index (ILIKE '%…%' can use it).
// One OR across the joined customers and payments tables can use neither index, so the
// customers are looked up first and the payments query gets their ids as a literal list:
// with the real list in hand the planner walks the newest payments when matches are common
// and ORs two bitmap index scans when they are rare.

/** Beyond this many customers a list only costs planning time; matches that common are found fastest by walking the log. */
export const MAX_LISTED_CUSTOMERS = 1000;

export interface PaymentSearch {
  /** The ILIKE pattern. */
  pattern: string;
  /** Customers whose name or username matches; null when there are too many to list. */
  customerIds: number[] | null;
}

/** LIKE treats % and _ as wildcards; a search for "50%" must match the text, not everything. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function matchingCustomersSql(pattern: string, resellerId: number | undefined): Prisma.Sql {
  return Prisma.sql`
    select id from customers
     where (name ilike ${pattern} or username ilike ${pattern})
       ${resellerId === undefined ? Prisma.empty : Prisma.sql`and reseller_id = ${resellerId}`}
     limit ${MAX_LISTED_CUSTOMERS + 1}`;
}

export async function resolveSearch(db: Pick<Db, '$queryRaw'>, q: string, resellerId: number | undefined): Promise<PaymentSearch> {
  const pattern = containsPattern(q);
  const rows = await db.$queryRaw<Array<{ id: number }>>(matchingCustomersSql(pattern, resellerId));
  return { pattern, customerIds: rows.length > MAX_LISTED_CUSTOMERS ? null : rows.map((r) => r.id) };
}

/** The WHERE condition over `payments p join customers c`. */
export function searchCondition(s: PaymentSearch): Prisma.Sql {
  if (s.customerIds === null) return Prisma.sql`(c.name ilike ${s.pattern} or c.username ilike ${s.pattern} or p.reference ilike ${s.pattern})`;
  return Prisma.sql`(p.customer_id = any(${s.customerIds}::int[]) or p.reference ilike ${s.pattern})`;
}
