import { startTestSystem, eventually, type TestSystem } from '../support/test-system';

// The first end-to-end path: API → Postgres → outbox → Temporal workflow → Postgres → API.
describe('a customer through the API and their billing workflow', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    await sys.allowEnforcementAnyTime((await sys.operatorKey('admin')).key);
  });
  afterAll(() => sys?.stop());

  it('creates a customer, runs the workflow, reacts to a signal, and records the state', async () => {
    const created = await sys.call(clerk, 'POST', '/v1/customers', {
      username: 'rahim.uddin', name: 'Rahim Uddin', phone: '+8801712345678', paymentReference: '100001',
    });
    expect(created.status).toBe(201);
    const id: number = created.body.id;

    // An overdue invoice so the workflow has something to chase (invoicing is tested on its own).
    await sys.db.invoice.create({
      data: { number: '2026-000001', customerId: id, period: '2026-10', issueDate: new Date('2026-10-01'), dueDate: new Date('2026-10-15'),
        currency: 'BDT', netMinor: 100000n, taxMinor: 0n, totalMinor: 100000n },
    });

    const started = await sys.call(clerk, 'POST', `/v1/customers/${id}/billing-workflow`);
    expect(started.status).toBe(202);
    expect(started.body.workflowId).toBe(`billing-customer-${id}`);

    const first = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', `/v1/customers/${id}/dunning`);
      return r.body.running && r.body.network === 'block' ? r.body : undefined;
    });
    expect(first.overdueMinor).toBe(100000);
    expect(first.state).toBe('blocked');
    expect(first.network).toBe('block');

    // Tagging the customer VIP signals the workflow (through the outbox); enforcement lifts.
    const tagged = await sys.call(clerk, 'PUT', `/v1/customers/${id}/tags`, { tags: ['vip'] });
    expect(tagged.status).toBe(200);
    const after = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', `/v1/customers/${id}/dunning`);
      return r.body.timeline.some((e: { summary: string }) => e.summary === 'tagsChanged') && r.body.network === 'none' ? r.body : undefined;
    });
    expect(after.state).not.toBe('blocked');

    const row = await eventually(() => sys.db.customerDunning.findUnique({ where: { customerId: id } }).then((r) => (r?.lastEvent === 'tagsChanged' ? r : undefined)));
    expect(row.network).toBe('none');
    expect(row.workflowId).toBe(`billing-customer-${id}`);
  });

  it('answers 400 with the field and reason for bad input, and stores nothing', async () => {
    const before = await sys.db.customer.count();
    const r = await sys.call(clerk, 'POST', '/v1/customers', { username: 'x', name: 'X', paymentReference: 'bad ref!', timezone: 'Mars/Olympus' });
    expect(r.status).toBe(400);
    expect(r.body.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['body.paymentReference', 'body.timezone']));
    expect(await sys.db.customer.count()).toBe(before);
  });

  it('refuses a payment reference a bank cannot tell from another customer\'s, naming the field', async () => {
    const first = await sys.call(clerk, 'POST', '/v1/customers', { username: 'zero.one', name: 'Zero One', paymentReference: '4400123' });
    expect(first.status).toBe(201);
    const before = await sys.db.customer.count();
    const padded = await sys.call(clerk, 'POST', '/v1/customers', { username: 'zero.two', name: 'Zero Two', paymentReference: '004400123' });
    expect([padded.status, padded.body.issues?.[0]?.field]).toEqual([409, 'body.paymentReference']);
    expect(padded.body.message).toBe("paymentReference reads the same at the bank as another customer's (leading zeros and letter case do not count)");
    const same = await sys.call(clerk, 'POST', '/v1/customers', { username: 'zero.three', name: 'Zero Three', paymentReference: '4400123' });
    expect([same.status, same.body.message]).toEqual([409, 'paymentReference is already used by another customer']);
    const letters = await sys.call(clerk, 'POST', '/v1/customers', { username: 'net.a', name: 'Net A', paymentReference: 'net-a7' });
    expect(letters.status).toBe(201);
    const upper = await sys.call(clerk, 'POST', '/v1/customers', { username: 'net.b', name: 'Net B', paymentReference: 'NET-A7' });
    expect([upper.status, upper.body.message]).toEqual([409, "paymentReference reads the same at the bank as another customer's (leading zeros and letter case do not count)"]);
    expect(await sys.db.customer.count()).toBe(before + 1);
  });

  it('rejects calls without a valid key', async () => {
    const r = await sys.call('stl_nope', 'GET', '/v1/customers');
    expect(r.status).toBe(401);
  });
});
