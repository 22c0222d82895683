import type { Db } from '../infra/prisma';
import { writeInvoices, type InvoiceDraft, type IssuedInvoice } from './invoice-writer';
import { isDataFault } from './sql-errors';

export interface CustomerFailure {
  customerId: number;
  reason: string;
}

type WriteOptions = Parameters<typeof writeInvoices>[1];

/**
 * Issues a page's invoices in one transaction; when that transaction fails on the data
 * of some customer (a constraint, a value Postgres refuses), issues them one customer
 * at a time, so the customers that can be invoiced are, and each one that cannot is a
 * failure with its reason. Anything else (the database is away) fails the whole call,
 * for the activity to retry.
 */
export async function writeInvoicesIsolated(db: Db, opts: WriteOptions): Promise<{ issued: IssuedInvoice[]; failures: CustomerFailure[] }> {
  try {
    return { issued: await writeInvoices(db, opts), failures: [] };
  } catch (err) {
    if (!isDataFault(err)) throw err;
    if (opts.drafts.length === 1) return { issued: [], failures: [failureOf(opts.drafts[0]!, err)] };
  }
  const issued: IssuedInvoice[] = [];
  const failures: CustomerFailure[] = [];
  for (const draft of opts.drafts) {
    try {
      issued.push(...(await writeInvoices(db, { ...opts, drafts: [draft] })));
    } catch (err) {
      if (!isDataFault(err)) throw err;
      failures.push(failureOf(draft, err));
    }
  }
  return { issued, failures };
}

function failureOf(draft: InvoiceDraft, err: unknown): CustomerFailure {
  const message = (err as Error).message ?? String(err);
  return { customerId: draft.customerId, reason: `invoice could not be written: ${message.replace(/\s+/g, ' ').slice(0, 300)}` };
}
