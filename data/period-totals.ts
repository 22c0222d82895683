import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import { exactMinor } from '../domain/money';

/** A year-to-date window with the month-to-date window nested at its end. */
export interface TotalsWindow {
  yearFrom: string;
  monthFrom: string;
  to: string;
  yearStart: Date;
  monthStart: Date;
  end: Date;
  resellerId?: number;
}

export interface MonthAndYear {
  monthMinor: number;
  monthCount: number;
  yearMinor: number;
  yearCount: number;
}

export interface CollectedGroup extends MonthAndYear {
  /** What the row adds up: all of a currency, one method, or one collector. */
  by: 'total' | 'method' | 'collector';
  currency: string;
  method: string | null;
  operatorId: number | null;
  collectedBy: string | null;
}

type Raw<T> = { [K in keyof T]: T[K] extends number ? bigint : T[K] };
const toNumbers = <T extends MonthAndYear>(r: Raw<T>): T =>
  ({ ...r, monthMinor: exactMinor(r.monthMinor, 'month total'), monthCount: Number(r.monthCount), yearMinor: exactMinor(r.yearMinor, 'year total'), yearCount: Number(r.yearCount) }) as T;

const scope = (w: TotalsWindow) => (w.resellerId === undefined ? Prisma.sql`true` : Prisma.sql`c.reseller_id = ${w.resellerId}`);

/** Invoices issued in the window (void ones left out), per currency. */
export async function invoicedTotals(db: Pick<Db, '$queryRaw'>, w: TotalsWindow): Promise<Array<MonthAndYear & { currency: string }>> {
  const rows = await db.$queryRaw<Array<Raw<MonthAndYear & { currency: string }>>>`
    select i.currency,
           coalesce(sum(i.total_minor) filter (where i.issue_date >= ${w.monthFrom}::date), 0)::bigint as "monthMinor",
           count(*) filter (where i.issue_date >= ${w.monthFrom}::date) as "monthCount",
           sum(i.total_minor)::bigint as "yearMinor", count(*) as "yearCount"
      from invoices i join customers c on c.id = i.customer_id
     where i.status <> 'void' and i.issue_date between ${w.yearFrom}::date and ${w.to}::date and ${scope(w)}
     group by i.currency order by i.currency`;
  return rows.map(toNumbers);
}

/**
 * Payments recorded in the window and not reversed by its end, per currency, per method
 * and per collector, in one pass (grouping sets). Recorded, not received, time, so the
 * figures equal the Customer Payments log filtered to the same days.
 */
export async function collectedTotals(db: Pick<Db, '$queryRaw'>, w: TotalsWindow): Promise<CollectedGroup[]> {
  const rows = await db.$queryRaw<Array<Raw<CollectedGroup>>>`
    with paid as (
      -- The log's Operator column: who took the cash, else the gateway, else the source.
      select p.currency, p.method::text as method, p.operator_id, coalesce(o.name, p.gateway, p.source::text) as collected_by,
             p.amount_minor, p.recorded_at >= ${w.monthStart}::timestamptz as this_month
        from payments p
        join customers c on c.id = p.customer_id
        left join operators o on o.id = p.operator_id
       where p.recorded_at >= ${w.yearStart}::timestamptz and p.recorded_at < ${w.end}::timestamptz
         and (p.reversed_at is null or p.reversed_at >= ${w.end}::timestamptz) and ${scope(w)}
    )
    select case when grouping(method) = 0 then 'method' when grouping(collected_by) = 0 then 'collector' else 'total' end as "by",
           currency, method, operator_id as "operatorId", collected_by as "collectedBy",
           coalesce(sum(amount_minor) filter (where this_month), 0)::bigint as "monthMinor",
           count(*) filter (where this_month) as "monthCount",
           sum(amount_minor)::bigint as "yearMinor", count(*) as "yearCount"
      from paid
     group by grouping sets ((currency), (currency, method), (currency, operator_id, collected_by))
     order by currency, "yearMinor" desc, method, collected_by`;
  return rows.map(toNumbers);
}
