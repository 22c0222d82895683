import { startTestSystem, type TestSystem } from '../support/test-system';
import { unique } from './payments-fixtures';

// GET /v1/customers?q= finds a customer by any of the five things an operator has in hand,
// pages like the plain list, and never shows a reseller someone else's customer.
describe('customer search', () => {
  let sys: TestSystem;
  let clerk: string;
  let resellerA: string;
  let resellerB: string;
  const tag = unique('srch').toLowerCase();

  async function found(key: string, query: string): Promise<string[]> {
    const r = await sys.call(key, 'GET', `/v1/customers?${query}`);
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body.items.map((c: { username: string }) => c.username);
  }

  async function create(key: string, username: string, fields: Record<string, string>): Promise<void> {
    const r = await sys.call(key, 'POST', '/v1/customers', { name: 'Plain Name', username, paymentReference: unique('R'), ...fields });
    if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    resellerA = (await sys.operatorKey('reseller', 'Reseller A')).key;
    resellerB = (await sys.operatorKey('reseller', 'Reseller B')).key;
    await create(resellerA, `${tag}-a1`, { name: 'Rahim Uddin Chowdhury', phone: '+8801711999001', email: 'rahim.quartz@example.com', paymentReference: 'VS7788001' });
    await create(resellerB, `${tag}-b1`, { name: 'Rahim Uddin Chowdhury', phone: '+8801711999002', email: 'rahim.quartz@example.org', paymentReference: 'VS7788002' });
  });
  afterAll(() => sys?.stop());

  it.each([
    ['name', 'q=uddin%20chowd'],
    ['username', `q=${tag.toUpperCase()}-A`],
    ['phone', 'q=1711999'],
    ['email', 'q=QUARTZ@example'],
    ['payment reference', 'q=vs778800'],
  ])('finds a customer by %s, case-insensitively, and a reseller only their own', async (_field, query) => {
    expect((await found(clerk, query)).filter((u) => u.startsWith(tag)).sort()).toEqual(query.includes('-A') ? [`${tag}-a1`] : [`${tag}-a1`, `${tag}-b1`]);
    expect(await found(resellerA, query)).toEqual([`${tag}-a1`]);
    expect(await found(resellerB, query)).toEqual(query.includes('-A') ? [] : [`${tag}-b1`]);
  });

  it('treats % and _ as text, not wildcards', async () => {
    expect(await found(clerk, 'q=%25')).toEqual([]);
    expect(await found(clerk, 'q=rahim_quartz')).toEqual([]);
  });

  it('pages search results with after/limit like the plain list', async () => {
    for (let i = 0; i < 5; i++) await create(clerk, `${tag}-page${i}`, { name: `Pager ${tag}` });
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const r = await sys.call(clerk, 'GET', `/v1/customers?q=pager%20${tag}&limit=2&after=${after}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((c: { username: string }) => c.username));
      if (r.body.next === null) break;
      after = r.body.next;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}-page${i}`));
  });

  it('answers an unknown query parameter with a 400 naming it, on every list', async () => {
    for (const path of ['/v1/customers', '/v1/payments', '/v1/payments/export.csv', '/v1/invoices', '/v1/statements', '/v1/tariffs']) {
      const r = await sys.call(clerk, 'GET', `${path}?foo=1`);
      expect([path, r.status, r.body.issues?.[0]?.field]).toEqual([path, 400, 'querystring.foo']);
    }
  });

  it('reaches every searched column through its trigram index', async () => {
    const plan = await sys.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('set local enable_seqscan = off');
      return JSON.stringify(await tx.$queryRawUnsafe(`explain (format json) select id from customers
        where name ilike '%quartz%' or username ilike '%quartz%' or phone ilike '%quartz%' or email ilike '%quartz%' or payment_reference ilike '%quartz%'`));
    });
    const used = [...new Set([...plan.matchAll(/"Index Name":\s*"(\w+)"/g)].map((m) => m[1]!))].sort();
    expect(used).toEqual(['customers_email_idx', 'customers_name_idx', 'customers_payment_reference_idx', 'customers_phone_idx', 'customers_username_idx']);
  });
});
