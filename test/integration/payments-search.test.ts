import { paymentLogSql, withSearch } from '../../data/payment-log';
import { containsPattern, matchingCustomersSql, MAX_LISTED_CUSTOMERS } from '../../data/payment-search';
import type { Prisma } from '../../prisma/generated/client';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { manualPayment, newCustomer } from './payments-fixtures';

// Search by customer name, username or reference: the same answers whether few or very
// many customers match (two query shapes, see data/payment-search.ts), and a query shape
// that the trigram indexes can serve.
describe('payment log search', () => {
  let sys: TestSystem;
  let clerk: string;
  const CROWD = MAX_LISTED_CUSTOMERS + 5;

  async function ids(query: string): Promise<number[]> {
    const r = await sys.call(clerk, 'GET', `/v1/payments?limit=500&${query}`);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.items.map((i: { id: number }) => i.id);
  }

  /** The indexes a plan reads by condition: with sequential and whole-index scans priced out, only bitmap scans remain. */
  async function indexesUsed(sql: Prisma.Sql): Promise<string[]> {
    const [row] = await sys.db.$transaction(async (tx) => {
      for (const knob of ['enable_seqscan', 'enable_indexscan', 'enable_indexonlyscan']) await tx.$executeRawUnsafe(`set local ${knob} = off`);
      return tx.$queryRawUnsafe<Array<{ plan: string }>>(`explain (format json) ${sql.text}`, ...sql.values).then((rows) => rows.map((r) => ({ plan: JSON.stringify(r) })));
    });
    if (row!.plan.includes('"Seq Scan"')) return ['a sequential scan'];
    return [...new Set([...row!.plan.matchAll(/"Index Name":\s*"(\w+)"/g)].map((m) => m[1]!))].sort();
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    await sys.db.$executeRaw`
      insert into customers (username, name, payment_reference)
      select 'crowd' || i, 'Crowd Member ' || i, 'CROWD-' || i from generate_series(1, ${CROWD}) i`;
    await sys.db.$executeRaw`
      insert into payments (customer_id, amount_minor, currency, method, source, received_at, recorded_at)
      select id, 100, 'BDT', 'cash', 'manual', now(), timestamptz '2026-01-01' + id * interval '1 minute' from customers where username like 'crowd%'`;
  });
  afterAll(() => sys?.stop());

  it('finds every match when more customers match than are listed', async () => {
    const solo = await newCustomer(sys, clerk, { name: 'Solo Payer' });
    const r = await sys.call(clerk, 'POST', '/v1/payments', manualPayment(solo.id, 500, { reference: 'not-a-CROWD-member' }));
    expect(r.status).toBe(201);
    const all = await sys.db.payment.findMany({ where: { OR: [{ customer: { name: { contains: 'crowd', mode: 'insensitive' } } }, { reference: { contains: 'crowd', mode: 'insensitive' } }] }, orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }], take: 500 });
    expect(all).toHaveLength(500);
    expect(await ids('q=CROWD')).toEqual(all.map((p) => p.id));
    expect((await ids('q=crowd member 77')).sort()).toEqual((await sys.db.payment.findMany({ where: { customer: { name: { startsWith: 'Crowd Member 77' } } } })).map((p) => p.id).sort());
    expect(await ids('q=not-a-crowd')).toEqual([r.body.payment.id]);
  });

  it('takes search= as the same filter as q=', async () => {
    expect(await ids('search=crowd1000')).toEqual(await ids('q=crowd1000'));
    expect(await ids('search=crowd1000')).toHaveLength(1);
  });

  it('reaches customers and payments through their trigram indexes', async () => {
    expect(await indexesUsed(matchingCustomersSql(containsPattern('member 12'), undefined))).toEqual(['customers_name_idx', 'customers_username_idx']);
    const filter = await withSearch(sys.db, { q: 'member 12' });
    expect(filter.search?.customerIds).toHaveLength(11);
    expect(await indexesUsed(paymentLogSql(filter, undefined, 51))).toEqual(['customers_pkey', 'operators_pkey', 'payments_customer_id_idx', 'payments_reference_idx']);
  });
});
