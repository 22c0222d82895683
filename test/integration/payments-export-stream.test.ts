import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { readXlsx } from '../unit/support/xlsx-reader';
import { fetchText, newCustomer, parseCsv } from './payments-fixtures';

// The exports stream from COPY on a pooled connection, with the filter written into the
// query text: a cancelled download must give its connection back (closed, not reused
// mid-COPY), and no search text can change the query.
describe('the payment exports as streams', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let obrien: number;
  const ROWS = 20_000;

  const download = (key: string, path: string, signal?: AbortSignal) => fetch(`${sys.api.url}${path}`, { headers: { authorization: `Bearer ${key}` }, signal });

  async function listedIds(query: string): Promise<number[]> {
    const r = await sys.call(clerk.key, 'GET', `/v1/payments?limit=500&${query}`);
    expect(r.status).toBe(200);
    return r.body.items.map((i: { id: number }) => i.id);
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk');
    const bulk = (await newCustomer(sys, clerk.key, { name: 'Bulk Corp' })).id;
    obrien = (await newCustomer(sys, clerk.key, { name: "Mary O'Brien\\Dhaka" })).id;
    // One set-based insert: a createMany of this many rows is slow enough to time out on a busy machine.
    await sys.db.$executeRaw`
      insert into payments (customer_id, amount_minor, currency, method, source, operator_id, reference, received_at, recorded_at)
      select case when i % 1000 = 0 then ${obrien}::int else ${bulk}::int end, 100 + i, 'BDT', 'cash', 'manual', ${clerk.id}::int, 'REF-' || i,
             timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-01-01T00:00:00Z' + make_interval(secs => i)
        from generate_series(0, ${ROWS - 1}::int) i`;
  });
  afterAll(() => sys?.stop());

  it('gives connections back when downloads are cancelled half way, more of each kind than the pool holds', async () => {
    for (let i = 0; i < 24; i++) {
      const controller = new AbortController();
      const res = await download(clerk.key, `/v1/payments/export.${i % 2 ? 'xlsx' : 'csv'}`, controller.signal);
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
    const csv = await fetchText(sys, clerk.key, '/v1/payments/export.csv');
    expect(parseCsv(csv.text.slice(1))).toHaveLength(ROWS + 1);
    // Postgres itself stops each cancelled COPY, not only our side of it.
    await eventually(async () => {
      const [copying] = await sys.db.$queryRaw<Array<{ n: number }>>`select count(*)::int as n from pg_stat_activity where query ilike 'copy (%' and state <> 'idle'`;
      return copying!.n === 0;
    }, 10_000);
  });

  it('names who collected a payment as the page does, a bank statement included', async () => {
    const account = await sys.db.bankAccount.create({ data: { name: 'City Bank', account: '1234', accountKey: '1234', currency: 'BDT' } });
    const statement = await sys.db.bankStatement.create({
      data: { bankAccountId: account.id, format: 'csv', fileName: 's.csv', fileSha256: 'x', lineCount: 1, importedCount: 1, alreadyKnown: 0, importedBy: 'test' },
    });
    const paid = await sys.db.payment.create({
      data: { customerId: obrien, amountMinor: 700n, currency: 'BDT', method: 'bank_transfer', source: 'bank_statement', statementId: statement.id, receivedAt: new Date(), recordedAt: new Date('2026-02-01T00:00:00Z') },
    });
    const q = '?from=2026-01-31&to=2026-02-02&tz=UTC';
    const listed = (await sys.call(clerk.key, 'GET', `/v1/payments${q}`)).body.items;
    expect(listed.map((i: { id: number; collectedBy: string }) => [i.id, i.collectedBy])).toEqual([[paid.id, `bank statement ${statement.id}`]]);
    const csv = parseCsv((await fetchText(sys, clerk.key, `/v1/payments/export.csv${q}`)).text.slice(1));
    expect(csv.slice(1).map((r) => r[csv[0]!.indexOf('operator')])).toEqual([`bank statement ${statement.id}`]);
    const xlsx = readXlsx(Buffer.from(await (await download(clerk.key, `/v1/payments/export.xlsx${q}`)).arrayBuffer()));
    const column = xlsx.rows[0]!.findIndex((c) => c?.text === 'operator');
    expect(xlsx.rows.slice(1).map((r) => r[column]?.text)).toEqual([`bank statement ${statement.id}`]);
    await sys.db.payment.delete({ where: { id: paid.id } });
  });

  it.each([["o'brien\\", 'quote and backslash'], ["'); drop table payments; --", 'SQL'], ['%', 'a LIKE wildcard']])('searches for %j (%s) as text, the same rows as the list', async (q) => {
    const res = await fetchText(sys, clerk.key, `/v1/payments/export.csv?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const ids = parseCsv(res.text.slice(1)).slice(1).map((r) => Number(r[0]));
    expect(ids).toEqual(await listedIds(`q=${encodeURIComponent(q)}`));
    if (q.startsWith('o')) expect(ids).toHaveLength(ROWS / 1000);
    expect(await sys.db.payment.count()).toBe(ROWS);
  });
});
