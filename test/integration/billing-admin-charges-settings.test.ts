import { startTestSystem, type TestSystem } from '../support/test-system';
import { auditTrail, newCustomer, reasonFor, unique } from './billing-admin-fixtures';

describe('one-off charges and billing settings API', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let reseller: { id: number; key: string };
  let support: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    reseller = await sys.operatorKey('reseller', 'Reseller Mirpur');
    support = (await sys.operatorKey('support')).key;
  });
  afterAll(() => sys?.stop());

  it('adds charges in the customer currency, lists them, and tells pending from invoiced', async () => {
    const c = await newCustomer(sys, clerk.key);
    const install = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/charges`, { kind: 'installation', description: 'Installation and connection', amountMinor: 100_000, taxRateBp: 1500 });
    expect(install.status).toBe(201);
    expect(install.body).toMatchObject({ customerId: c.id, kind: 'installation', amountMinor: 100_000, currency: 'BDT', taxRateBp: 1500, invoiceId: null, pending: true });
    const router = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/charges`, { kind: 'equipment', description: 'Wi-Fi router', amountMinor: 250_000 });
    expect(router.body.taxRateBp).toBe(0);

    // The installation was billed: an invoice line now points at it.
    const invoice = await sys.db.invoice.create({
      data: {
        number: unique('INV-'), customerId: c.id, period: '2026-11', issueDate: new Date('2026-11-01'), dueDate: new Date('2026-11-15'), currency: 'BDT',
        netMinor: 86_957n, taxMinor: 13_043n, totalMinor: 100_000n,
        lines: { create: [{ position: 1, chargeId: install.body.id, description: 'Installation and connection', netMinor: 86_957n, taxRateBp: 1500, taxMinor: 13_043n, totalMinor: 100_000n }] },
      },
    });

    const all = await sys.call(support, 'GET', `/v1/customers/${c.id}/charges`);
    expect(all.body.items.map((x: any) => [x.id, x.pending, x.invoiceId])).toEqual([[install.body.id, false, invoice.id], [router.body.id, true, null]]);
    const pending = await sys.call(support, 'GET', `/v1/customers/${c.id}/charges?pending=true`);
    expect(pending.body.items.map((x: any) => x.id)).toEqual([router.body.id]);
    const invoiced = await sys.call(support, 'GET', `/v1/customers/${c.id}/charges?pending=false`);
    expect(invoiced.body.items.map((x: any) => x.id)).toEqual([install.body.id]);

    expect(await auditTrail(sys, 'charge', router.body.id)).toEqual([
      ['charge.created', String(clerk.id), { customerId: c.id, before: null, after: expect.objectContaining({ kind: 'equipment', amountMinor: 250_000 }) }],
    ]);
  });

  it('rejects bad charges with 400 naming the field and stores nothing', async () => {
    const c = await newCustomer(sys, clerk.key);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amountMinor: 0 }, 'body.amountMinor'],
      [{ amountMinor: -100 }, 'body.amountMinor'],
      [{ amountMinor: 99.5 }, 'body.amountMinor'],
      [{ kind: 'donation' }, 'body.kind'],
      [{ description: '' }, 'body.description'],
      [{ taxRateBp: 20_000 }, 'body.taxRateBp'],
    ];
    for (const [override, field] of cases) {
      const r = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/charges`, { kind: 'other', description: 'Cable repair', amountMinor: 50_000, ...override });
      expect({ override, status: r.status, reason: reasonFor(r.body, field) }).toEqual({ override, status: 400, reason: expect.any(String) });
    }
    expect(await sys.db.charge.count({ where: { customerId: c.id } })).toBe(0);
    expect((await sys.call(support, 'POST', `/v1/customers/${c.id}/charges`, { kind: 'other', description: 'x', amountMinor: 1 })).status).toBe(403);
  });

  it('changes billing day, payment terms and tax exemption, and audits before and after', async () => {
    const c = await newCustomer(sys, clerk.key);
    const r = await sys.call(clerk.key, 'PATCH', `/v1/customers/${c.id}/billing-settings`, { billingDay: 31, paymentTermsDays: 10, taxExempt: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ customerId: c.id, billingDay: 31, paymentTermsDays: 10, taxExempt: true });
    const back = await sys.call(clerk.key, 'PATCH', `/v1/customers/${c.id}/billing-settings`, { paymentTermsDays: null });
    expect(back.body).toEqual({ customerId: c.id, billingDay: 31, paymentTermsDays: null, taxExempt: true });
    expect((await sys.call(clerk.key, 'GET', `/v1/customers/${c.id}`)).body).toMatchObject({ billingDay: 31, paymentTermsDays: null, taxExempt: true });

    expect(await auditTrail(sys, 'customer', c.id)).toEqual([
      ['customer.created', String(clerk.id), expect.anything()],
      ['customer.billing_settings_changed', String(clerk.id), { before: { billingDay: 1, paymentTermsDays: null, taxExempt: false }, after: { billingDay: 31, paymentTermsDays: 10, taxExempt: true } }],
      ['customer.billing_settings_changed', String(clerk.id), { before: { billingDay: 31, paymentTermsDays: 10, taxExempt: true }, after: { billingDay: 31, paymentTermsDays: null, taxExempt: true } }],
    ]);
  });

  it.each([
    [{ billingDay: 0 }, 'body.billingDay'],
    [{ billingDay: 32 }, 'body.billingDay'],
    [{ billingDay: 15.5 }, 'body.billingDay'],
    [{ paymentTermsDays: 121 }, 'body.paymentTermsDays'],
    [{ paymentTermsDays: -1 }, 'body.paymentTermsDays'],
    [{ taxExempt: 'yes' }, 'body.taxExempt'],
    [{}, 'body'],
  ])('rejects billing settings %j with 400 naming %s', async (body, field) => {
    const c = await newCustomer(sys, clerk.key);
    const r = await sys.call(clerk.key, 'PATCH', `/v1/customers/${c.id}/billing-settings`, body);
    expect(r.status).toBe(400);
    expect(reasonFor(r.body, field)).toEqual(expect.any(String));
    expect(await sys.db.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ billingDay: 1, paymentTermsDays: null, taxExempt: false });
  });

  it("answers 404 to a reseller for another reseller's or staff's customer", async () => {
    const own = await newCustomer(sys, reseller.key);
    const foreign = await newCustomer(sys, clerk.key);
    expect((await sys.call(reseller.key, 'POST', `/v1/customers/${own.id}/charges`, { kind: 'equipment', description: 'ONU', amountMinor: 150_000 })).status).toBe(201);
    expect((await sys.call(reseller.key, 'PATCH', `/v1/customers/${own.id}/billing-settings`, { billingDay: 5 })).status).toBe(200);
    const attempts = await Promise.all([
      sys.call(reseller.key, 'GET', `/v1/customers/${foreign.id}/charges`),
      sys.call(reseller.key, 'POST', `/v1/customers/${foreign.id}/charges`, { kind: 'equipment', description: 'ONU', amountMinor: 150_000 }),
      sys.call(reseller.key, 'PATCH', `/v1/customers/${foreign.id}/billing-settings`, { billingDay: 5 }),
      sys.call(clerk.key, 'PATCH', '/v1/customers/999999/billing-settings', { billingDay: 5 }),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(await sys.db.charge.count({ where: { customerId: foreign.id } })).toBe(0);
    expect((await sys.db.customer.findUniqueOrThrow({ where: { id: foreign.id } })).billingDay).toBe(1);
  });
});
