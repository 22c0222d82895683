import type { Caller } from '../api/auth';
import { searchCustomerIds } from '../data/customer-search';
import type { Db } from '../infra/prisma';
import type { Customer } from '../prisma/generated/client';
import { customerScope } from './customer-scope';

export interface CustomerPage {
  items: Customer[];
  /** The `after` for the next page; null on the last. */
  next: number | null;
}

/** The customers the caller may see, by id, keyset-paginated; `q` narrows them to a substring of name, username, phone, email or payment reference. */
export async function listCustomers(db: Db, caller: Caller, query: { q?: string; after: number; limit: number }): Promise<CustomerPage> {
  const { q, after, limit } = query;
  const scope = customerScope(caller);
  let rows: Customer[];
  if (q) {
    const ids = await searchCustomerIds(db, { q, after, limit, resellerId: scope.resellerId });
    rows = await db.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
  } else {
    rows = await db.customer.findMany({ where: { id: { gt: after }, ...scope }, orderBy: { id: 'asc' }, take: limit + 1 });
  }
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items.at(-1)!.id : null };
}
