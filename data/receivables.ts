import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import { exactMinor } from '../domain/money';

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
  /** billed − paid − credit; negative when the customer is in credit. */
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
 * Everything is summed from invoices, allocation rows and payments, never from counters.
 */
export async function receivablesPage(db: Pick<Db, '$queryRaw'>, q: ReceivablesQuery): Promise<{ rows: ReceivableRow[]; totals: ReceivableTotal[] }> {
  const scope = q.resellerId === undefined ? Prisma.sql`true` : Prisma.sql`c.reseller_id = ${q.resellerId}`;
  const raw = await db.$queryRaw<RawRow[]>`
    with scoped as (
      select c.id, c.name, c.username, c.currency from customers c where ${scope}
    ), bills as (
      select i.customer_id, i.total_minor, ${q.asOf}::date - i.due_date as days_late,
             coalesce((select sum(a.amount_minor) from payment_allocations a
                        where a.invoice_id = i.id and a.created_at < ${q.cutoff}::timestamptz), 0) as paid
        from invoices i join scoped s on s.id = i.customer_id
       where i.status <> 'void' and i.issue_date <= ${q.asOf}::date
    ), per_bills as (
      select customer_id, sum(total_minor) as billed, sum(paid) as paid,
             coalesce(sum(total_minor - paid) filter (where days_late <= 0), 0) as current,
             coalesce(sum(total_minor - paid) filter (where days_late between 1 and 30), 0) as d30,
             coalesce(sum(total_minor - paid) filter (where days_late between 31 and 60), 0) as d60,
             coalesce(sum(total_minor - paid) filter (where days_late between 61 and 90), 0) as d90,
             coalesce(sum(total_minor - paid) filter (where days_late > 90), 0) as over90
        from bills group by customer_id
    ), received as (
      -- A payment reversed after the cutoff still counted on that day, as its allocations did.
      select p.customer_id, sum(p.amount_minor) as amount
        from payments p join scoped s on s.id = p.customer_id
       where p.recorded_at < ${q.cutoff}::timestamptz and (p.reversed_at is null or p.reversed_at >= ${q.cutoff}::timestamptz)
       group by p.customer_id
    ), balances as (
      select s.id, s.name, s.username, s.currency,
             coalesce(b.billed, 0) as billed, coalesce(b.paid, 0) as paid,
             coalesce(r.amount, 0) - coalesce(b.paid, 0) as credit,
             coalesce(b.current, 0) as current, coalesce(b.d30, 0) as d30, coalesce(b.d60, 0) as d60,
             coalesce(b.d90, 0) as d90, coalesce(b.over90, 0) as over90
        from scoped s
        left join per_bills b on b.customer_id = s.id
        left join received r on r.customer_id = s.id
       where coalesce(b.billed, 0) <> coalesce(b.paid, 0) or coalesce(r.amount, 0) <> coalesce(b.paid, 0)
    ), page as (
      select * from balances where id > ${q.after} order by id limit ${q.limit}
    )
    select 'customer' as kind, id as "customerId", name, username, currency, 1::bigint as customers,
           billed::bigint as "billedMinor", paid::bigint as "paidMinor", credit::bigint as "creditMinor",
           (billed - paid - credit)::bigint as "outstandingMinor", current::bigint as "currentMinor",
           d30::bigint as "days1To30Minor", d60::bigint as "days31To60Minor", d90::bigint as "days61To90Minor", over90::bigint as "over90Minor"
      from page
    union all
    select 'total', null, null, null, currency, count(*)::bigint,
           sum(billed)::bigint, sum(paid)::bigint, sum(credit)::bigint, sum(billed - paid - credit)::bigint, sum(current)::bigint,
           sum(d30)::bigint, sum(d60)::bigint, sum(d90)::bigint, sum(over90)::bigint
      from balances group by currency
    order by kind, "customerId", currency`;

  const figures = (r: RawRow) => Object.fromEntries(FIGURES.map((f) => [f, exactMinor(r[f], f)])) as unknown as AgingFigures;
  return {
    rows: raw.filter((r) => r.kind === 'customer').map((r) => ({ customerId: r.customerId!, name: r.name!, username: r.username!, currency: r.currency, ...figures(r) })),
    totals: raw.filter((r) => r.kind === 'total').map((r) => ({ currency: r.currency, customers: Number(r.customers), ...figures(r) })),
  };
}
