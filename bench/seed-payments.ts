import type { Client as Pg } from 'pg';
import { newApiKey } from '../api/api-keys';
import { asciiSlug, bangladeshiName, czechName } from '../services/demo/demo-names';
import { seededRandom } from '../services/demo/seeded-random';
import { step } from './bench-log';

export interface SeededPayments {
  customers: number;
  /** Bearer key of an admin operator, for the API side of the benchmark. */
  adminKey: string;
  /** What clerks type: surnames, whole and partial usernames, fragments of transaction ids. */
  searches: string[];
}

const CHUNK = 100_000;
const CLERKS = ['Clerk Rina', 'Clerk Sohel', 'Clerk Puja', 'Manager Tanvir', 'Cashier Hasan', 'Clerk Jana'];

/**
 * `customers` customers with Bangladeshi and Czech names and `payments` payments spread
 * over two years, written with set-based SQL (generate_series) so a million rows take seconds.
 */
export async function seedPayments(pg: Pg, customers: number, payments: number): Promise<SeededPayments> {
  const admin = newApiKey();
  await pg.query(`insert into operators (name, role, api_key_hash, api_key_prefix) values ('Bench Admin', 'admin', $1, $2)`, [admin.hash, admin.prefix]);
  for (const name of CLERKS) {
    const k = newApiKey();
    await pg.query(`insert into operators (name, role, api_key_hash, api_key_prefix) values ($1, 'billing_clerk', $2, $3)`, [name, k.hash, k.prefix]);
  }

  const rng = seededRandom(4);
  const names = Array.from({ length: customers }, (_, i) => (i % 5 === 4 ? czechName(rng) : bangladeshiName(rng)));
  await step(`customers (${customers})`, () => pg.query(
    `insert into customers (username, name, payment_reference, currency)
     select u || '.' || n, d, 'P' || lpad(n::text, 7, '0'), 'BDT'
       from unnest($1::text[], $2::text[]) with ordinality as t(d, u, n)`,
    [names.map((n) => n.display), names.map(asciiSlug)],
  ));

  // One clerk per manual payment, gateways for the rest; recorded_at walks back two years from now.
  const span = 2 * 365 * 86_400;
  for (let from = 1; from <= payments; from += CHUNK) {
    const to = Math.min(payments, from + CHUNK - 1);
    await step(`payments ${to}/${payments}`, () => pg.query(
      `with ops as (select array_agg(id order by id) as ids from operators where role = 'billing_clerk'),
            g as (select i, ('{cash,bkash,nagad,sslcommerz,recharge_card,bank_transfer,cash,bkash,cash,bkash}'::"PaymentMethod"[])[1 + (hashint4(i) & 2147483647) % 10] as method,
                         now() - make_interval(secs => ($3::double precision * ($4 - i)) / $4) as at
                    from generate_series($1::int, $2::int) i)
       insert into payments (customer_id, amount_minor, currency, method, source, external_key, reference, note, operator_id, gateway, received_at, recorded_at)
       select 1 + (hashint4(i * 7) & 2147483647) % $5, (50 + (hashint4(i * 13) & 2147483647) % 5000) * 100, 'BDT', method,
              case when method in ('bkash', 'nagad', 'sslcommerz') then 'gateway' when method = 'bank_transfer' then 'bank_statement' else 'manual' end::"PaymentSource",
              case when method in ('bkash', 'nagad', 'sslcommerz') then 'gateway:' || method || ':' || upper(substr(md5(i::text), 1, 10)) end,
              case when method in ('bkash', 'nagad', 'sslcommerz') then upper(substr(md5(i::text), 1, 10))
                   when method = 'recharge_card' then 'RC' || lpad(i::text, 9, '0')
                   when method = 'bank_transfer' then 'VS' || (1000000 + i % 900000)
                   when i % 3 = 0 then 'RCPT-' || i end,
              case when i % 17 = 0 then 'paid at counter, "change" given, ৳ note' end,
              case when method in ('cash', 'recharge_card') then ops.ids[1 + i % array_length(ops.ids, 1)] end,
              case when method in ('bkash', 'nagad', 'sslcommerz') then method::text end,
              at - interval '5 minutes', at
         from g, ops`,
      [from, to, span, payments, customers],
    ));
  }
  // As autovacuum would have by now: moves the GIN indexes' pending entries into the index proper.
  await step('vacuum analyze', () => pg.query('vacuum analyze customers, payments, operators'));

  const { rows } = await pg.query<{ reference: string }>(`select reference from payments where source = 'gateway' order by id desc limit 4 offset 12345`);
  const picks = [7, Math.floor(customers / 3), Math.floor(customers / 2), customers - 3].map((i) => ({ name: names[i]!, username: `${asciiSlug(names[i]!)}.${i + 1}` }));
  return {
    customers,
    adminKey: admin.key,
    searches: [
      ...picks.map((p) => p.name.last),
      ...picks.map((p) => p.username),
      ...picks.map((p) => p.username.slice(0, 8)),
      ...rows.map((r) => r.reference.slice(2, 8).toLowerCase()),
    ],
  };
}
