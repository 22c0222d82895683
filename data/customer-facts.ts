import type { Policy } from '../domain/dunning';
import type { Db } from '../infra/prisma';
import { currentDunningPolicy } from './dunning-policy';
import { openInvoicesOf } from './open-invoices';

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
  const customer = await db.customer.findUnique({ where: { id: customerId } });
  if (!customer) return null;
  const [open, stored] = await Promise.all([openInvoicesOf(db, customerId), currentDunningPolicy(db)]);
  return {
    customerId,
    timezone: customer.timezone,
    language: customer.language,
    tags: customer.tags,
    oldestUnpaidDueDate: open[0]?.dueDate ?? null,
    oldestUnpaidInvoiceId: open[0]?.id ?? null,
    overdueMinor: open.reduce((sum, i) => sum + i.outstandingMinor, 0),
    unpaidInvoices: open.length,
    currency: customer.currency,
    policyVersion: stored.version,
    policy: stored.policy,
  };
}
