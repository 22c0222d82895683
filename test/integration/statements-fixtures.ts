// Shared by the bank statement test files: fixture customers in the database, uploads,
// and waiting for a statement's reconciliation to finish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountMatchKey, type MatchCandidate } from '../../domain/statements';
import { eventually, type TestSystem } from '../support/test-system';

export const FIXTURE_DIR = join(__dirname, '../fixtures/statements');

/** A Czech bank's CSV export: `Datum;Objem;VS;Protiúčet;Název;Zpráva;ID`, amounts like `599,00`. */
export const CZECH_CSV_MAPPING = {
  delimiter: ';', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true,
  columns: { date: 'Datum', amount: 'Objem', variableSymbol: 'VS', counterAccount: 'Protiúčet', counterName: 'Název', message: 'Zpráva', bankReference: 'ID' },
};

export interface LoadedCustomers {
  customerIds: Map<string, number>;
  invoiceIds: Map<string, number>;
}

/** Inserts the fixture's customers and open invoices; ids are mapped from fixture names to database ids. */
export async function loadFixtureCustomers(sys: TestSystem, file: string, currency: string): Promise<LoadedCustomers> {
  const { candidates } = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as { candidates: Array<MatchCandidate & { name?: string }> };
  const customerIds = new Map<string, number>();
  const invoiceIds = new Map<string, number>();
  for (const c of candidates) {
    const customer = await sys.db.customer.create({
      data: { username: c.customerId.toLowerCase(), name: c.name ?? c.customerId, paymentReference: c.paymentReference!, currency },
    });
    customerIds.set(c.customerId, customer.id);
    for (const account of c.knownCounterAccounts ?? []) {
      await sys.db.knownCounterAccount.create({ data: { accountKey: accountMatchKey(account), customerId: customer.id } });
    }
    for (const i of c.openInvoices) {
      const period = i.dueDate.slice(0, 7);
      const invoice = await sys.db.invoice.create({
        data: {
          number: i.number, customerId: customer.id, period, issueDate: new Date(`${period}-01`), dueDate: new Date(i.dueDate), currency,
          netMinor: BigInt(i.outstandingMinor), taxMinor: 0n, totalMinor: BigInt(i.outstandingMinor),
        },
      });
      invoiceIds.set(i.id, invoice.id);
    }
  }
  return { customerIds, invoiceIds };
}

/** Empties everything a statement test creates, so each fixture starts from its own customers. */
export async function resetLedger(sys: TestSystem): Promise<void> {
  await sys.db.$executeRawUnsafe(
    'truncate payment_allocations, payments, bank_transactions, bank_statements, bank_accounts, known_counter_accounts, invoice_lines, invoices, outbox, customer_dunning, subscriptions, charges, customers restart identity cascade',
  );
}

export async function uploadStatement(sys: TestSystem, key: string, file: Buffer | string, fileName: string, fields: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([typeof file === 'string' ? Buffer.from(file) : file]), fileName);
  const res = await fetch(`${sys.api.url}/v1/statements`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: await res.json() };
}

/** Waits for the background reconciliation and returns the statement with its summary. */
export async function reconciled(sys: TestSystem, key: string, statementId: number): Promise<any> {
  return eventually(async () => {
    const r = await sys.call(key, 'GET', `/v1/statements/${statementId}`);
    return r.status === 200 && r.body.status === 'reconciled' && r.body;
  }, 30_000);
}

export function fixtureFile(name: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, name));
}
