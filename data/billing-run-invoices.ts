import { exactMinor } from '../domain/money';
import type { Db } from '../infra/prisma';

export const ONE_OFF_CHARGES = 'one-off charges';

/** One entry per tariff and currency: the same name billed in BDT and CZK is two entries. */
export function tariffKey(tariff: string, currency: string): string {
  return `${tariff} (${currency})`;
}

export interface RunInvoiceTotals {
  invoices: number;
  lines: number;
  byCurrency: Record<string, number>;
  byTariff: Record<string, { tariff: string; currency: string; lines: number; amountMinor: number }>;
}

/**
 * What a billing run issued, read from the invoices that carry its id: the same after a
 * re-run of the period (which issues nothing new) as after the run that issued them.
 */
export async function readRunInvoiceTotals(db: Db, billingRunId: number): Promise<RunInvoiceTotals> {
  const perCurrency = await db.$queryRaw<Array<{ currency: string; invoices: bigint; total: bigint }>>`
    select currency, count(*) as invoices, sum(total_minor)::bigint as total
    from invoices where billing_run_id = ${billingRunId} group by currency order by currency`;
  const perTariff = await db.$queryRaw<Array<{ tariff: string | null; currency: string; lines: bigint; total: bigint }>>`
    select t.name as tariff, i.currency, count(*) as lines, sum(l.total_minor)::bigint as total
    from invoice_lines l join invoices i on i.id = l.invoice_id
    left join subscriptions s on s.id = l.subscription_id left join tariffs t on t.id = s.tariff_id
    where i.billing_run_id = ${billingRunId} group by t.name, i.currency order by t.name, i.currency`;
  const totals: RunInvoiceTotals = { invoices: 0, lines: 0, byCurrency: {}, byTariff: {} };
  for (const c of perCurrency) {
    totals.invoices += Number(c.invoices);
    totals.byCurrency[c.currency] = exactMinor(c.total, `${c.currency} total of billing run ${billingRunId}`);
  }
  for (const t of perTariff) {
    const tariff = t.tariff ?? ONE_OFF_CHARGES;
    totals.lines += Number(t.lines);
    totals.byTariff[tariffKey(tariff, t.currency)] = { tariff, currency: t.currency, lines: Number(t.lines), amountMinor: exactMinor(t.total, `${tariff} total of billing run ${billingRunId}`) };
  }
  return totals;
}
