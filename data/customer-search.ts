import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import { containsPattern } from './payment-search';

// GET /v1/customers?q=: a case-insensitive substring of the name, username, phone, email or
// payment reference. Each column has its own trigram GIN index, so Postgres ORs five bitmap
// index scans for a rare match; for a common one it walks the primary key in id order and
// stops at the page's end, which keyset paging (id > after) keeps cheap on every page.

export interface CustomerSearch {
  q: string;
  after: number;
  limit: number;
  /** Set for a reseller: only their own customers. */
  resellerId: number | undefined;
}

/** The ids of one page of matches, in id order; one more than `limit` says there is a next page. */
export async function searchCustomerIds(db: Pick<Db, '$queryRaw'>, s: CustomerSearch): Promise<number[]> {
  const pattern = containsPattern(s.q);
  const rows = await db.$queryRaw<Array<{ id: number }>>(Prisma.sql`
    select id from customers
     where (name ilike ${pattern} or username ilike ${pattern} or phone ilike ${pattern}
            or email ilike ${pattern} or payment_reference ilike ${pattern})
       and id > ${s.after}
       ${s.resellerId === undefined ? Prisma.empty : Prisma.sql`and reseller_id = ${s.resellerId}`}
     order by id
     limit ${s.limit + 1}`);
  return rows.map((r) => r.id);
}
