import type { Db } from '../infra/prisma';
import { exactMinor } from '../domain/money';
import { customerBalancesSql } from './balances';

export interface ReceivablesQuery {
  /** Invoices issued on or before this day count; due dates are aged against it. */
  asOf: string;
  /** Allocations and payments before this instant (the end of `asOf` locally) count. */
  cutoff: Date;
  resellerId?: number;
  /** Customers with id greater than this. */
  after: number;
  limit: number;
}

export interface AgingFigures {
  billedMinor: number;
  /** Payments applied to those bills. */
  paidMinor: number;
  /** Payments received and not applied to any bill (overpayments). */
  creditMinor: number;
  /** Owed (the buckets' sum) − credit; negative when the customer is in credit. */
  outstandingMinor: number;
  currentMinor: number;
  days1To30Minor: number;
  days31To60Minor: number;
  days61To90Minor: number;
  over90Minor: number;
}

export interface ReceivableRow extends AgingFigures {
  customerId: number;
  name: string;
  username: string;
  currency: string;
}

export interface ReceivableTotal extends AgingFigures {
  currency: string;
  customers: number;
}

const FIGURES = ['billedMinor', 'paidMinor', 'creditMinor', 'outstandingMinor', 'currentMinor', 'days1To30Minor', 'days31To60Minor', 'days61To90Minor', 'over90Minor'] as const;
type RawRow = { kind: 'customer' | 'total'; customerId: number | null; name: string | null; username: string | null; currency: string; customers: bigint } & Record<(typeof FIGURES)[number], bigint>;

/**
 * One page of customers who owe or are owed money, with what they owe aged by due date,
 * plus a totals row per currency over every such customer, in a single statement.
 * The figures are data/balances' definition as of the day, so the buckets add up to owed.
 */
export async function receivablesPage(db: Pick<Db, '$queryRaw'>, q: ReceivablesQuery): Promise<{ rows: ReceivableRow[]; totals: ReceivableTotal[] }> {
  const raw = await db.$queryRaw<RawRow[]>`
    with balances as (
      select c.id, c.name, c.username, b.currency, b.billed, b.paid, b.credit, b.balance, b.current, b.d30, b.d60, b.d90, b.over90
        from (${customerBalancesSql({ resellerId: q.resellerId }, { asOf: q.asOf, cutoff: q.cutoff })}) b
        join customers c on c.id = b.customer_id
       where b.owed <> 0 or b.credit <> 0
    ), page as (
      select * from balances where id > ${q.after} order by id, currency limit ${q.limit}
    )
    select 'customer' as kind, id as "customerId", name, username, currency, 1::bigint as customers,
           billed as "billedMinor", paid as "paidMinor", credit as "creditMinor", balance as "outstandingMinor", current as "currentMinor",
           d30 as "days1To30Minor", d60 as "days31To60Minor", d90 as "days61To90Minor", over90 as "over90Minor"
      from page
    union all
    select 'total', null, null, null, currency, count(*)::bigint,
           sum(billed)::bigint, sum(paid)::bigint, sum(credit)::bigint, sum(balance)::bigint, sum(current)::bigint,
           sum(d30)::bigint, sum(d60)::bigint, sum(d90)::bigint, sum(over90)::bigint
      from balances group by currency
    order by kind, "customerId", currency`;

  const figures = (r: RawRow) => Object.fromEntries(FIGURES.map((f) => [f, exactMinor(r[f], f)])) as unknown as AgingFigures;
  return {
    rows: raw.filter((r) => r.kind === 'customer').map((r) => ({ customerId: r.customerId!, name: r.name!, username: r.username!, currency: r.currency, ...figures(r) })),
    totals: raw.filter((r) => r.kind === 'total').map((r) => ({ currency: r.currency, customers: Number(r.customers), ...figures(r) })),
  };
}
