import { Prisma } from '../prisma/generated/client';
import { exactMinor } from '../domain/money';

// The one definition of what a customer owes, is owed and has overdue. Every view
// (statement, invoice, receivables, dunning facts, open invoices) selects from these
// fragments, so no two of them can disagree about a minor unit.
//   invoice outstanding = total − its allocation rows (void invoices owe nothing)
//   payment credit      = amount − its allocation rows (reversed payments give none)
//   owed                = Σ outstanding; overdue = Σ outstanding due before today
//   balance             = owed − credit (negative when the customer is in credit)

/** The books as they stood at the end of a past day; without it, the books now. */
export interface BalanceAsOf {
  /** Invoices issued on or before this day count; a due date before it is overdue. */
  asOf: string;
  /** Allocations and payments recorded before this instant count. */
  cutoff: Date;
}

/** Whose books: some customers, or every customer (of one reseller). */
export type BalanceScope = { customerIds: readonly number[] } | { resellerId?: number };

const inScope = (scope: BalanceScope, column: Prisma.Sql) => {
  if ('customerIds' in scope) return Prisma.sql`${column} = any(${[...scope.customerIds]}::int[])`;
  if (scope.resellerId === undefined) return Prisma.sql`true`;
  return Prisma.sql`${column} in (select id from customers where reseller_id = ${scope.resellerId})`;
};

/** Invoices that count (alias i): not void, and issued by the day. */
const invoiceCounts = (at: BalanceAsOf | undefined) =>
  (at ? Prisma.sql`i.status <> 'void' and i.issue_date <= ${at.asOf}::date` : Prisma.sql`i.status <> 'void'`);

const allocatedBefore = (at: BalanceAsOf | undefined) => (at ? Prisma.sql`a.created_at < ${at.cutoff}::timestamptz` : Prisma.sql`true`);

/**
 * One row per invoice that counts: invoice_id, customer_id, currency, number, issue_date,
 * due_date, total_minor, paid_minor, outstanding_minor, days_late (days past due as of the
 * day, the customer's own today when `at` is absent; 0 or less is not late).
 * `unpaidOnly` (now only) skips paid invoices by their status, which every allocation change
 * re-derives in its own transaction; it saves summing the allocations of a customer's history.
 */
export function invoiceBalancesSql(scope: BalanceScope, at?: BalanceAsOf, opts: { unpaidOnly?: boolean } = {}): Prisma.Sql {
  const today = at ? Prisma.sql`${at.asOf}::date` : Prisma.sql`(now() at time zone c.timezone)::date`;
  return Prisma.sql`
    select i.id as invoice_id, i.customer_id, i.currency, i.number, i.issue_date, i.due_date, i.total_minor,
           coalesce(alloc.paid, 0)::bigint as paid_minor, (i.total_minor - coalesce(alloc.paid, 0))::bigint as outstanding_minor,
           ${today} - i.due_date as days_late
      from invoices i
      join customers c on c.id = i.customer_id
      left join lateral (select sum(a.amount_minor) as paid from payment_allocations a where a.invoice_id = i.id and ${allocatedBefore(at)}) alloc on true
     where ${opts.unpaidOnly && !at ? Prisma.sql`i.status in ('issued', 'partially_paid')` : invoiceCounts(at)} and ${inScope(scope, Prisma.sql`i.customer_id`)}`;
}

/**
 * One row per payment that counts (recorded, not reversed): payment_id, customer_id,
 * currency, received_at, amount_minor, credit_minor (what no counting invoice has taken of it:
 * money on a void invoice, or one issued after the day, is credit).
 * A payment reversed after the cutoff still counted on that day, as its allocations did.
 */
export function paymentCreditsSql(scope: BalanceScope, at?: BalanceAsOf): Prisma.Sql {
  const counts = at
    ? Prisma.sql`p.recorded_at < ${at.cutoff}::timestamptz and (p.reversed_at is null or p.reversed_at >= ${at.cutoff}::timestamptz)`
    : Prisma.sql`p.reversed_at is null`;
  return Prisma.sql`
    select p.id as payment_id, p.customer_id, p.currency, p.received_at, p.amount_minor,
           (p.amount_minor - coalesce(alloc.allocated, 0))::bigint as credit_minor
      from payments p
      left join lateral (select sum(a.amount_minor) as allocated from payment_allocations a join invoices i on i.id = a.invoice_id
                          where a.payment_id = p.id and ${allocatedBefore(at)} and ${invoiceCounts(at)}) alloc on true
     where ${counts} and ${inScope(scope, Prisma.sql`p.customer_id`)}`;
}

/**
 * One row per customer and currency with anything billed or paid: customer_id, currency,
 * billed, paid, owed, overdue, credit, balance and owed aged by days late (current, d30,
 * d60, d90, over90; they add up to owed). All bigint.
 */
export function customerBalancesSql(scope: BalanceScope, at?: BalanceAsOf): Prisma.Sql {
  return Prisma.sql`
    select customer_id, currency,
           sum(billed)::bigint as billed, sum(paid)::bigint as paid, sum(owed)::bigint as owed, sum(overdue)::bigint as overdue,
           sum(credit)::bigint as credit, sum(owed - credit)::bigint as balance,
           sum(current)::bigint as current, sum(d30)::bigint as d30, sum(d60)::bigint as d60, sum(d90)::bigint as d90, sum(over90)::bigint as over90
      from (
        select customer_id, currency, total_minor as billed, paid_minor as paid, outstanding_minor as owed,
               case when days_late > 0 then outstanding_minor else 0 end as overdue, 0 as credit,
               case when days_late <= 0 then outstanding_minor else 0 end as current,
               case when days_late between 1 and 30 then outstanding_minor else 0 end as d30,
               case when days_late between 31 and 60 then outstanding_minor else 0 end as d60,
               case when days_late between 61 and 90 then outstanding_minor else 0 end as d90,
               case when days_late > 90 then outstanding_minor else 0 end as over90
          from (${invoiceBalancesSql(scope, at)}) inv
        union all
        select customer_id, currency, 0, 0, 0, 0, credit_minor, 0, 0, 0, 0, 0
          from (${paymentCreditsSql(scope, at)}) pay
      ) parts
     group by customer_id, currency`;
}

/** What customerBalancesSql gives for one customer and currency, in numbers. */
export interface CustomerBalance {
  customerId: number;
  currency: string;
  billedMinor: number;
  paidMinor: number;
  owedMinor: number;
  overdueMinor: number;
  creditMinor: number;
  /** owed − credit; negative when the customer is in credit. */
  balanceMinor: number;
}

type BalanceRow = { customer_id: number; currency: string } & Record<'billed' | 'paid' | 'owed' | 'overdue' | 'credit' | 'balance', bigint>;

/** Balances of the given customers now, per currency; a customer with nothing billed or paid is absent. */
export async function customerBalances(db: Pick<Prisma.TransactionClient, '$queryRaw'>, customerIds: readonly number[]): Promise<CustomerBalance[]> {
  const rows = await db.$queryRaw<BalanceRow[]>`select * from (${customerBalancesSql({ customerIds })}) b order by customer_id, currency`;
  return rows.map((r) => ({
    customerId: r.customer_id, currency: r.currency, billedMinor: exactMinor(r.billed, 'billed'), paidMinor: exactMinor(r.paid, 'paid'), owedMinor: exactMinor(r.owed, 'owed'),
    overdueMinor: exactMinor(r.overdue, 'overdue'), creditMinor: exactMinor(r.credit, 'credit'), balanceMinor: exactMinor(r.balance, 'balance'),
  }));
}

/** Paid and outstanding of the given invoices now; a void invoice is absent (it owes nothing). */
export async function invoiceBalances(db: Pick<Prisma.TransactionClient, '$queryRaw'>, invoices: ReadonlyArray<{ id: number; customerId: number }>): Promise<Map<number, { paidMinor: number; outstandingMinor: number }>> {
  if (invoices.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ invoice_id: number; paid_minor: bigint; outstanding_minor: bigint }>>`
    select invoice_id, paid_minor, outstanding_minor from (${invoiceBalancesSql({ customerIds: [...new Set(invoices.map((i) => i.customerId))] })}) b
     where invoice_id = any(${invoices.map((i) => i.id)}::int[])`;
  return new Map(rows.map((r) => [r.invoice_id, { paidMinor: exactMinor(r.paid_minor, 'paid'), outstandingMinor: exactMinor(r.outstanding_minor, 'outstanding') }]));
}
