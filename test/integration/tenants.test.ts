import { startTestSystem, type TestSystem } from '../support/test-system';
import { manualPayment, newCustomer, sendWebhook, unique } from './payments-fixtures';

// Resellers never cross: gateway money cannot be steered to another reseller's customer,
// an idempotency key is its operator's own, and a customer's reseller is a reseller.
describe('tenants and references', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let resellerA: { id: number; key: string };
  let resellerB: { id: number; key: string };
  const secret = 'bkash-tenants-secret';

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Mita');
    resellerA = await sys.operatorKey('reseller', 'Reseller A');
    resellerB = await sys.operatorKey('reseller', 'Reseller B');
    process.env.WEBHOOK_SECRET_BKASH = secret;
  });
  afterAll(() => sys?.stop());

  const bkash = (customerReference: string, amountMinor = 5000) => ({
    transactionId: unique('TRX'), customerReference, amountMinor, currency: 'BDT', paidAt: new Date().toISOString(),
  });

  it("refuses a reference equal to another customer's username, and a username equal to another's reference (409, nothing created)", async () => {
    const victim = await newCustomer(sys, resellerB.key);
    const before = await sys.db.customer.count();
    const byRef = await sys.call(resellerA.key, 'POST', '/v1/customers', { name: 'Thief', username: unique('thief'), paymentReference: victim.username.slice(0, 20) });
    const victim2 = await newCustomer(sys, resellerB.key, { username: unique('u'), paymentReference: unique('REF') });
    const byName = await sys.call(resellerA.key, 'POST', '/v1/customers', { name: 'Thief', username: victim2.paymentReference, paymentReference: unique('T') });
    expect([byRef.status, byRef.body.issues?.[0]?.field]).toEqual([409, 'body.paymentReference']);
    expect([byName.status, byName.body.issues?.[0]?.field]).toEqual([409, 'body.username']);
    expect(await sys.db.customer.count()).toBe(before + 1);
  });

  it("holds gateway money for a clerk when the reference is one customer's reference and another's username (older data)", async () => {
    const owner = await newCustomer(sys, resellerB.key);
    const other = await newCustomer(sys, resellerA.key);
    // An older release let this in; a webhook naming it cannot tell whose money it is.
    await sys.db.customer.update({ where: { id: other.id }, data: { paymentReference: owner.username } });
    const r = await sendWebhook(sys, 'bkash', bkash(owner.username), { secret });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ paymentId: null, unmatchedId: expect.any(Number) });
    expect(await sys.db.payment.count({ where: { customerId: { in: [owner.id, other.id] } } })).toBe(0);
  });

  it('still pays a customer named by username or by reference when nobody else answers to it', async () => {
    const c = await newCustomer(sys, resellerB.key);
    const byName = await sendWebhook(sys, 'bkash', bkash(c.username), { secret });
    const byRef = await sendWebhook(sys, 'bkash', bkash(c.paymentReference), { secret });
    expect([byName.body.paymentId, byRef.body.paymentId]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(await sys.db.payment.count({ where: { customerId: c.id } })).toBe(2);
  });

  it("keeps idempotency keys per operator: another reseller's key neither shows their payment nor blocks it", async () => {
    const ofA = await newCustomer(sys, resellerA.key);
    const ofB = await newCustomer(sys, resellerB.key);
    const key = unique('order-');
    // A claims the key first, for its own customer.
    const claimed = await sys.call(resellerA.key, 'POST', '/v1/payments', manualPayment(ofA.id, 100, { idempotencyKey: key }));
    expect(claimed.status).toBe(201);
    const real = await sys.call(resellerB.key, 'POST', '/v1/payments', manualPayment(ofB.id, 70000, { idempotencyKey: key }));
    expect(real.status).toBe(201);
    expect(real.body.payment).toMatchObject({ customerId: ofB.id, amountMinor: 70000 });
    const retried = await sys.call(resellerB.key, 'POST', '/v1/payments', manualPayment(ofB.id, 70000, { idempotencyKey: key }));
    expect([retried.status, retried.body.payment.id]).toEqual([200, real.body.payment.id]);

    // Reusing one's own key for other money is a 409 that names no payment.
    const reused = await sys.call(resellerB.key, 'POST', '/v1/payments', manualPayment(ofB.id, 1, { idempotencyKey: key }));
    expect(reused.status).toBe(409);
    expect(reused.body.issues).toEqual([{ field: 'body.idempotencyKey', reason: expect.any(String) }]);
    expect(JSON.stringify(reused.body)).not.toContain(String(real.body.payment.id));
  });

  it('refuses a resellerId that is unknown, not a reseller, or disabled (400 body.resellerId), and gives a reseller its own id', async () => {
    const disabled = await sys.operatorKey('reseller', 'Gone Reseller');
    await sys.db.operator.update({ where: { id: disabled.id }, data: { active: false } });
    const before = await sys.db.customer.count();
    for (const resellerId of [2_000_000, clerk.id, disabled.id]) {
      const r = await sys.call(clerk.key, 'POST', '/v1/customers', { name: 'X', username: unique('x'), paymentReference: unique('X'), resellerId });
      expect([r.status, r.body.issues?.[0]?.field]).toEqual([400, 'body.resellerId']);
    }
    const foreign = await sys.call(resellerA.key, 'POST', '/v1/customers', { name: 'X', username: unique('x'), paymentReference: unique('X'), resellerId: resellerB.id });
    expect([foreign.status, foreign.body.issues?.[0]?.field]).toEqual([400, 'body.resellerId']);
    expect(await sys.db.customer.count()).toBe(before);

    const own = await sys.call(resellerA.key, 'POST', '/v1/customers', { name: 'Y', username: unique('y'), paymentReference: unique('Y') });
    const staff = await sys.call(clerk.key, 'POST', '/v1/customers', { name: 'Z', username: unique('z'), paymentReference: unique('Z'), resellerId: resellerB.id });
    expect([own.status, own.body.resellerId, staff.status, staff.body.resellerId]).toEqual([201, resellerA.id, 201, resellerB.id]);
  });
});
