import { CustomerIdAttr } from '../../workflows/search-attributes';
import { customerWorkflowId } from '../../workflows/customer-billing.messages';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

// Issue #13 item 15: what support sees of a customer's dunning, during and after it.
describe("a customer's dunning history", () => {
  let sys: TestSystem;
  let admin: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    admin = (await sys.operatorKey('admin')).key;
    await sys.allowEnforcementAnyTime(admin);
  });
  afterAll(() => sys?.stop());

  const pay = (customerId: number, amountMinor: number, reference: string) =>
    sys.call(admin, 'POST', '/v1/payments', { customerId, amountMinor, currency: 'BDT', method: 'cash', receivedAt: new Date().toISOString(), reference });

  it('a workflow the outbox starts is filterable by customer; the timeline names the operator, in Dhaka time, and stays after payment', async () => {
    const c = await sys.call(admin, 'POST', '/v1/customers', { username: 'selim', name: 'Selim Reza', email: 'selim@mail.test', phone: '+8801711000003', paymentReference: 'VSselim' });
    const id = c.body.id as number;
    const due = new Date(Date.now() - 20 * 86_400_000);
    await sys.db.invoice.create({ data: { number: 'H-1', customerId: id, period: '2026-10', issueDate: due, dueDate: due, currency: 'BDT', netMinor: 120_000n, taxMinor: 0n, totalMinor: 120_000n } });

    // A payment at the counter goes through the outbox, whose relay starts the workflow.
    expect((await pay(id, 10_000, 'CASH-1')).status).toBe(201);
    const handle = sys.temporal.workflow.getHandle(customerWorkflowId(id));
    const described = await eventually(() => handle.describe());
    expect(described.typedSearchAttributes.get(CustomerIdAttr)).toBe(id);

    const blocked = await eventually(async () => {
      const r = await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`);
      return r.body.network === 'block' ? r.body : undefined;
    });
    expect(blocked.currency).toBe('BDT');
    expect(blocked.reasons).toContain('overdue 1100.00 BDT ≥ 50.00 BDT');

    const support = await sys.operatorKey('support', 'Alice Support');
    const promised = await sys.call(support.key, 'POST', `/v1/customers/${id}/dunning/promise-to-pay`, { until: '2099-01-15T12:00:00Z', note: 'pays on Sunday' });
    expect(promised.status).toBe(200);
    const promise = `promise to pay until 2099-01-15 18:00 +06:00 by Alice Support (operator ${support.id}): pays on Sunday`;
    expect(promised.body.timeline.map((t: { summary: string }) => t.summary)).toContain(promise);

    expect((await pay(id, 110_000, 'CASH-2')).status).toBe(201);
    await eventually(async () => (await handle.describe()).status.name === 'COMPLETED');
    const after = (await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`)).body;
    expect(after).toMatchObject({ running: false, state: 'paid', network: 'none', currency: 'BDT', timeZone: 'Asia/Dhaka' });
    const summaries = after.timeline.map((t: { summary: string }) => t.summary);
    expect(summaries).toContain(promise);
    expect(summaries).toContainEqual(expect.stringMatching(/→ blocked: /));
    expect(summaries).toContainEqual(expect.stringMatching(/→ paid: nothing is owed/));
    for (const t of after.timeline) expect(t.local).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+06:00$/);
  });
});
