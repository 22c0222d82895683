import { ApplicationFailure } from '@temporalio/activity';
import { openInvoicesOf } from '../data/open-invoices';
import type { ActivityDeps } from './deps';

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
}

/** Everything the dunning policy needs, read fresh from Postgres (the source of truth). */
export function loadCustomerFacts(deps: ActivityDeps) {
  return async function loadCustomerFacts(customerId: number): Promise<CustomerFacts> {
    const customer = await deps.db.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw ApplicationFailure.nonRetryable(`customer ${customerId} does not exist`, 'CustomerNotFound');
    const open = await openInvoicesOf(deps.db, customerId);
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
    };
  };
}
