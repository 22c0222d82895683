import type { Caller } from '../api/auth';
import { customerBalances } from '../data/balances';
import { localMidnight } from '../domain/dunning/zoned-time';
import { exactMinor } from '../domain/money';
import type { Db } from '../infra/prisma';
import { getVisibleCustomer } from './customers.service';

type EntryKind = 'bill' | 'payment' | 'reversal';

export interface StatementEntry {
  at: string;
  kind: EntryKind;
  invoiceId: number | null;
  paymentId: number | null;
  /** Invoice number, or the payment's transaction reference. */
  reference: string | null;
  description: string;
  /** Signed effect on what the customer owes: bills positive, payments negative, reversals positive. */
  amountMinor: number;
  balanceMinor: number;
}

export interface CustomerStatement {
  customer: { id: number; name: string; username: string; currency: string };
  entries: StatementEntry[];
  billedMinor: number;
  /** Payments received minus payments reversed. */
  paidMinor: number;
  /** What the customer owes (data/balances: open invoices − credit), the last entry's balance; negative when in credit. */
  outstandingMinor: number;
}

const KIND_ORDER: Record<EntryKind, number> = { bill: 0, payment: 1, reversal: 2 };

/** Bills and payments in date order with a running balance, like a bank statement. */
export async function customerStatement(db: Db, caller: Caller, customerId: number): Promise<CustomerStatement> {
  const customer = await getVisibleCustomer(db, caller, customerId);
  const [invoices, payments, balances] = await Promise.all([
    db.invoice.findMany({ where: { customerId, status: { not: 'void' } } }),
    db.payment.findMany({ where: { customerId } }),
    customerBalances(db, [customerId]),
  ]);

  const entries: Array<Omit<StatementEntry, 'balanceMinor' | 'at'> & { at: Date }> = [];
  for (const i of invoices) {
    entries.push({
      at: localMidnight(i.issueDate.toISOString().slice(0, 10), customer.timezone),
      kind: 'bill', invoiceId: i.id, paymentId: null, reference: i.number,
      description: `Invoice ${i.number} for ${i.period}, due ${i.dueDate.toISOString().slice(0, 10)}`,
      amountMinor: exactMinor(i.totalMinor, 'invoice total'),
    });
  }
  for (const p of payments) {
    const common = { invoiceId: null, paymentId: p.id, reference: p.reference };
    entries.push({ ...common, at: p.receivedAt, kind: 'payment', description: `Payment by ${p.gateway ?? p.method}`, amountMinor: -exactMinor(p.amountMinor, 'payment') });
    if (p.reversedAt) {
      entries.push({ ...common, at: p.reversedAt, kind: 'reversal', description: `Payment ${p.id} reversed: ${p.reversalReason ?? ''}`.trim(), amountMinor: exactMinor(p.amountMinor, 'payment') });
    }
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.invoiceId ?? a.paymentId!) - (b.invoiceId ?? b.paymentId!));

  // Summed in bigint: each amount is ≤ 10^12 but a customer's history has no length limit,
  // and a running sum past 2^53 would silently round. exactMinor refuses instead.
  let balance = 0n;
  const withBalance = entries.map((e) => {
    balance += BigInt(e.amountMinor);
    return { ...e, at: e.at.toISOString(), balanceMinor: exactMinor(balance, 'balance') };
  });
  const figures = balances.find((b) => b.currency === customer.currency);
  const billedMinor = figures?.billedMinor ?? 0;
  const outstandingMinor = figures?.balanceMinor ?? 0;
  return {
    customer: { id: customer.id, name: customer.name, username: customer.username, currency: customer.currency },
    entries: withBalance,
    billedMinor,
    paidMinor: billedMinor - outstandingMinor,
    outstandingMinor,
  };
}
