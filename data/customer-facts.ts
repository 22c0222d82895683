import type { Policy } from '../domain/dunning';
import type { Db } from '../infra/prisma';
import { currentDunningPolicy } from './dunning-policy';
import { openInvoicesOfMany } from './open-invoices';

export interface CustomerFacts {
  customerId: number;
  timezone: string;
  language: string;
  tags: string[];
  oldestUnpaidDueDate: string | null;
  oldestUnpaidInvoiceId: number | null;
  overdueMinor: number;
  unpaidInvoices: number;
  currency: string;
  policyVersion: number;
  /** The policy in force, validated (defaults filled in) when it was read: workflows use it as is. */
  policy: Policy;
}

/** Everything the dunning policy needs, read fresh from Postgres (the source of truth); null for an unknown customer. */
export async function readCustomerFacts(db: Db, customerId: number): Promise<CustomerFacts | null> {
  return (await readCustomerFactsOf(db, [customerId])).get(customerId) ?? null;
}

/** readCustomerFacts for many customers in three queries (a billing run announcing a page of invoices); unknown ones are absent. */
export async function readCustomerFactsOf(db: Db, customerIds: readonly number[]): Promise<Map<number, CustomerFacts>> {
  const ids = [...new Set(customerIds)];
  const [customers, open, stored] = await Promise.all([
    db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, timezone: true, language: true, tags: true, currency: true } }),
    openInvoicesOfMany(db, ids),
    currentDunningPolicy(db),
  ]);
  return new Map(customers.map((customer) => {
    const invoices = open.get(customer.id) ?? [];
    return [customer.id, {
      customerId: customer.id,
      timezone: customer.timezone,
      language: customer.language,
      tags: customer.tags,
      oldestUnpaidDueDate: invoices[0]?.dueDate ?? null,
      oldestUnpaidInvoiceId: invoices[0]?.id ?? null,
      overdueMinor: invoices.reduce((sum, i) => sum + i.outstandingMinor, 0),
      unpaidInvoices: invoices.length,
      currency: customer.currency,
      policyVersion: stored.version,
      policy: stored.policy,
    }];
  }));
}
