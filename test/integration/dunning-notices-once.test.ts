import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

// Issue #13 item 14: a policy change renamed the before-due state and put customers whose
// invoice was already due back on it; they got the "due on …" reminder a second time.
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('a dunning notice goes out once per invoice', () => {
  let sys: TestSystem;
  let admin: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    admin = (await sys.operatorKey('admin')).key;
    await sys.allowEnforcementAnyTime(admin);
  });
  afterAll(() => sys?.stop());

  async function customerWithInvoice(username: string, dueInDays: number) {
    const c = await sys.call(admin, 'POST', '/v1/customers', { username, name: 'Nasrin Akter', email: `${username}@mail.test`, phone: '+8801711000002', paymentReference: `VS${username}` });
    const due = new Date(`${isoDay(Date.now() + dueInDays * DAY)}T00:00:00Z`);
    const invoice = await sys.db.invoice.create({ data: { number: `N-${username}`, customerId: c.body.id, period: '2026-11', issueDate: due, dueDate: due, currency: 'BDT', netMinor: 80_000n, taxMinor: 0n, totalMinor: 80_000n } });
    return { id: c.body.id as number, invoiceId: invoice.id };
  }

  const sent = (customerId: number, template: string) => sys.db.notificationLog.count({ where: { customerId, template, status: 'sent' } });

  /** The current policy with the before-due state renamed and "due today" out of reach for small bills. */
  async function saveRenamingPolicy() {
    const policy = (await sys.call(admin, 'GET', '/v1/dunning/policy')).body.policy;
    policy.states[0].name = 'before_due';
    policy.states[1].conditions.minOverdueMinor = 10_000_000;
    const saved = await sys.call(admin, 'PUT', '/v1/dunning/policy', policy);
    expect(saved.status).toBe(200);
  }

  it('a policy change that renames the before-due state sends no second reminder', async () => {
    const { id, invoiceId } = await customerWithInvoice('nasrin', 2);
    expect((await sys.call(admin, 'POST', `/v1/customers/${id}/billing-workflow`)).status).toBe(202);
    await eventually(async () => (await sent(id, 'reminder_before_due')) === 1);

    await saveRenamingPolicy();
    // The workflow records its state after its notices, so this row means they were decided.
    await eventually(async () => (await sys.db.customerDunning.findUnique({ where: { customerId: id } }))?.lastEvent === 'policyChanged');
    const after = (await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`)).body;
    expect(after.state).toBe('before_due');
    expect(await sent(id, 'reminder_before_due')).toBe(1);
    expect(await sys.db.dunningNotice.count({ where: { invoiceId, template: 'reminder_before_due', channel: 'email' } })).toBe(1);
    expect(after.timeline.map((t: { summary: string }) => t.summary)).toContainEqual(expect.stringMatching(/^reminder_before_due by email: not sent again: .* \(state reminder_before_due\)$/));
  });

  it('a before-due reminder is never sent for an invoice already due, and the reasons say so', async () => {
    await saveRenamingPolicy();
    const { id } = await customerWithInvoice('farida', -1);
    expect((await sys.call(admin, 'POST', `/v1/customers/${id}/billing-workflow`)).status).toBe(202);
    const status = await eventually(async () => {
      const row = await sys.db.customerDunning.findUnique({ where: { customerId: id } });
      return row?.state === 'before_due' ? (await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`)).body : undefined;
    });
    expect(await sent(id, 'reminder_before_due')).toBe(0);
    expect(status.reasons.join('; ')).toMatch(/past due; .*reminder_before_due is not sent: the invoice was due/);
    expect(await sys.db.dunningNotice.count({ where: { customerId: id } })).toBe(0);
  });
});
