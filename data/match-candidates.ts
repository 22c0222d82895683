import { accountMatchKey, messageTokens, normalizeSymbol, symbolsInText, type MatchCandidate } from '../domain/statements';
import type { Db } from '../infra/prisma';

type Tx = Pick<Parameters<Parameters<Db['$transaction']>[0]>[0], '$queryRaw'>;

export interface LineClues {
  variableSymbol?: string | null;
  specificSymbol?: string | null;
  message?: string | null;
  counterAccount?: string | null;
}

/** What to look customers up by: every VS and SS, invoice-number-like token and payer account the lines mention (references normalized as normalizeSymbol writes them). */
export function cluesOf(lines: readonly LineClues[]): { references: string[]; invoiceNumbers: string[]; accounts: string[] } {
  const references = new Set<string>();
  const invoiceNumbers = new Set<string>();
  const accounts = new Set<string>();
  for (const line of lines) {
    const inText = symbolsInText(line.message ?? undefined);
    for (const symbol of [line.variableSymbol, line.specificSymbol, inText.variableSymbol, inText.specificSymbol]) {
      const reference = normalizeSymbol(symbol ?? undefined);
      if (reference) references.add(reference);
    }
    for (const token of messageTokens(line.message ?? undefined)) {
      if (token.length >= 3 && token.length <= 40 && /\d/.test(token)) invoiceNumbers.add(token);
    }
    if (line.counterAccount) accounts.add(accountMatchKey(line.counterAccount));
  }
  return { references: [...references], invoiceNumbers: [...invoiceNumbers], accounts: [...accounts] };
}

/**
 * Customers the clues point at, row-locked in id order (so concurrent payments for them
 * wait, and two batches cannot deadlock), with their open invoices as of the lock.
 */
export async function lockMatchCandidates(tx: Tx, lines: readonly LineClues[], currency: string): Promise<MatchCandidate[]> {
  const clues = cluesOf(lines);
  // payment_reference_key is each customer's reference as normalizeSymbol writes it (a generated column).
  const locked = await tx.$queryRaw<Array<{ id: number; payment_reference: string }>>`
    select id, payment_reference from customers
     where currency = ${currency}
       and id in (select id from customers where payment_reference_key = any(${clues.references}::text[])
                  union all select customer_id from invoices where number = any(${clues.invoiceNumbers}::text[]) and status in ('issued', 'partially_paid')
                  union all select customer_id from known_counter_accounts where account_key = any(${clues.accounts}::text[]))
     order by id for update`;
  return loadCandidates(tx, locked);
}

/** One customer, already locked by the caller. */
export async function candidateFor(tx: Tx, customer: { id: number; payment_reference: string }): Promise<MatchCandidate> {
  const [candidate] = await loadCandidates(tx, [customer]);
  return candidate!;
}

async function loadCandidates(tx: Tx, customers: ReadonlyArray<{ id: number; payment_reference: string }>): Promise<MatchCandidate[]> {
  if (customers.length === 0) return [];
  const ids = customers.map((c) => c.id);
  const invoices = await tx.$queryRaw<Array<{ id: number; customer_id: number; number: string; due_date: Date; outstanding: bigint }>>`
    select i.id, i.customer_id, i.number, i.due_date, i.total_minor - coalesce(sum(a.amount_minor), 0) as outstanding
      from invoices i left join payment_allocations a on a.invoice_id = i.id
     where i.customer_id = any(${ids}::int[]) and i.status in ('issued', 'partially_paid')
     group by i.id
    having i.total_minor - coalesce(sum(a.amount_minor), 0) > 0`;
  const accounts = await tx.$queryRaw<Array<{ account_key: string; customer_id: number }>>`
    select account_key, customer_id from known_counter_accounts where customer_id = any(${ids}::int[])`;
  const byCustomer = new Map<number, MatchCandidate>(
    customers.map((c) => [c.id, { customerId: String(c.id), paymentReference: c.payment_reference, knownCounterAccounts: [], openInvoices: [], totalDueMinor: 0 }]),
  );
  for (const a of accounts) (byCustomer.get(a.customer_id)!.knownCounterAccounts as string[]).push(a.account_key);
  for (const i of invoices) {
    const candidate = byCustomer.get(i.customer_id)!;
    const outstandingMinor = Number(i.outstanding);
    (candidate.openInvoices as MatchCandidate['openInvoices'][number][]).push({ id: String(i.id), number: i.number, dueDate: i.due_date.toISOString().slice(0, 10), outstandingMinor });
    candidate.totalDueMinor += outstandingMinor;
  }
  return [...byCustomer.values()];
}
