import { Client as Pg } from 'pg';

export const BENCH_ACCOUNT = '2900123456/2010';
export const CSV_MAPPING = {
  delimiter: ';', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true,
  columns: { date: 'Datum', amount: 'Objem', variableSymbol: 'VS', counterAccount: 'Protiúčet', counterName: 'Název', message: 'Zpráva', bankReference: 'ID' },
} as const;

const amountOf = (customer: number) => 39_900 + (customer % 5) * 10_000;

/** `openInvoices` open invoices, two per customer (February and March), written by set-based SQL. */
export async function seedOpenInvoices(databaseUrl: string, openInvoices: number): Promise<number> {
  const customers = Math.ceil(openInvoices / 2);
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query(`insert into customers (username, name, payment_reference, currency)
                    select 'rc' || g, 'Zákazník ' || g, (5000000 + g)::text, 'CZK' from generate_series(1, $1) g`, [customers]);
    await pg.query(`insert into invoices (number, customer_id, period, issue_date, due_date, currency, net_minor, tax_minor, total_minor)
                    select 'R' || c.id || '-' || m, c.id, '2026-0' || m, ('2026-0' || m || '-01')::date, ('2026-0' || m || '-15')::date, 'CZK', a, 0, a
                      from customers c cross join generate_series(2, 3) m cross join lateral (select 39900 + (c.id % 5) * 10000 as a) x
                     where c.id <= $1 and (m = 2 or c.id * 2 <= $2)`, [customers, openInvoices]);
    await pg.query('analyze');
    return customers;
  } finally {
    await pg.end();
  }
}

export interface BenchStatement {
  csv: string;
  /** The same rows, tab-separated for COPY: line_no, booking_date, amount_minor, vs, counter_account, counter_name, message, bank_ref. */
  tsv: string;
}

/**
 * A bank export with a realistic mix: mostly exact payments by variable symbol, some paying
 * two invoices at once, some short, unknown payers and outgoing fees.
 */
export function benchStatement(lines: number, customers: number): BenchStatement {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const csv: string[] = ['Datum;Objem;VS;Protiúčet;Název;Zpráva;ID'];
  const tsv: string[] = [];
  for (let i = 1; i <= lines; i++) {
    const customer = 1 + Math.floor(random() * customers);
    const kind = i % 20;
    const amount = kind === 16 ? 2 * amountOf(customer) : kind === 17 ? amountOf(customer) - 10_000 : kind === 19 ? -1_500 : amountOf(customer);
    const vs = kind === 18 ? String(90_000_000 + i) : kind === 19 ? '' : String(5_000_000 + customer);
    const day = 1 + (i % 28);
    const date = `${String(day).padStart(2, '0')}.03.2026`;
    const counter = `${100_000 + (customer % 900_000)}/0800`;
    const name = kind === 19 ? 'Poplatek za vedení účtu' : `Zákazník ${customer}`;
    const message = kind === 19 ? 'poplatek' : `internet VS ${vs}`;
    csv.push(`${date};${(amount / 100).toFixed(2).replace('.', ',')};${vs};${counter};${name};${message};BR${i}`);
    tsv.push([i, `2026-03-${String(day).padStart(2, '0')}`, amount, vs || '\\N', counter, name, message, `BR${i}`].join('\t'));
  }
  return { csv: `${csv.join('\n')}\n`, tsv: `${tsv.join('\n')}\n` };
}
