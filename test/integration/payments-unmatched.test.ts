import { startTestSystem, type TestSystem } from '../support/test-system';
import { ledger, newCustomer, newInvoice, sendWebhook } from './payments-fixtures';

// A gateway took the money but the reference the subscriber typed matches nobody. The
// gateway hears 200 (it would otherwise retry for days), the money is held and listed for
// clerks, and assigning it makes it that customer's payment, still once per transaction.
describe('gateway payments for an unknown customer reference', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  const secret = 'bkash-shared-secret';
  const notification = (customerReference: string, transactionId: string, amountMinor = 70000) =>
    ({ transactionId, customerReference, amountMinor, currency: 'BDT', paidAt: '2026-11-03T10:00:00+06:00' });

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    process.env.WEBHOOK_SECRET_BKASH = secret;
  });
  afterAll(() => sys?.stop());

  it('answers 200, stores no payment and holds the money once, however often it is delivered', async () => {
    const before = await sys.db.payment.count();
    const body = notification('01712-TYPO', 'BK-UNKNOWN-1');
    const [first, ...again] = await Promise.all([1, 2, 3].map(() => sendWebhook(sys, 'bkash', body, { secret })));
    const all = [first!, ...again];
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(all.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(new Set(all.map((r) => r.body.unmatchedId)).size).toBe(1);
    expect(all.map((r) => r.body.paymentId)).toEqual([null, null, null]);
    expect(await sys.db.payment.count()).toBe(before);

    const listed = await sys.call(clerk.key, 'GET', '/v1/payments/unmatched');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({
      id: first!.body.unmatchedId, state: 'unassigned', gateway: 'bkash', transactionId: 'BK-UNKNOWN-1', customerReference: '01712-TYPO',
      amountMinor: 70000, currency: 'BDT', paidAt: '2026-11-03T04:00:00.000Z', paymentId: null,
    })]);
    const audits = await sys.db.auditLog.findMany({ where: { entityType: 'unmatched_gateway_payment', entityId: String(first!.body.unmatchedId) } });
    expect(audits.map((a) => [a.action, a.actorType, a.actorId])).toEqual([['gateway_payment.unmatched', 'gateway', 'bkash']]);
    expect((await sendWebhook(sys, 'bkash', { ...body, amountMinor: 1 }, { secret })).status).toBe(409);
  });

  it('becomes the customer\'s gateway payment when a clerk assigns it, and only once', async () => {
    const sent = await sendWebhook(sys, 'bkash', notification('nobody-has-this', 'BK-UNKNOWN-2', 50000), { secret });
    const c = await newCustomer(sys, clerk.key);
    const invoice = await newInvoice(sys, c.id, '2026-10', 80000);

    const assigned = await sys.call(clerk.key, 'POST', `/v1/payments/unmatched/${sent.body.unmatchedId}/assign`, { customerId: c.id });
    expect(assigned.status).toBe(200);
    const payment = assigned.body.recorded.payment;
    expect(payment).toMatchObject({ customerId: c.id, amountMinor: 50000, method: 'bkash', source: 'gateway', gateway: 'bkash', operatorId: null, reference: 'BK-UNKNOWN-2', receivedAt: '2026-11-03T04:00:00.000Z' });
    expect(assigned.body.unmatched).toMatchObject({ state: 'assigned', paymentId: payment.id, assignedById: clerk.id });
    expect(await ledger(sys, c.id)).toEqual([{ id: invoice, status: 'partially_paid', paidMinor: 50000, totalMinor: 80000 }]);

    // The log shows the gateway as collector; the clerk is on the audit trail.
    const log = await sys.call(clerk.key, 'GET', `/v1/payments?q=BK-UNKNOWN-2`);
    expect(log.body.items.map((i: { id: number; collectedBy: string }) => [i.id, i.collectedBy])).toEqual([[payment.id, 'bkash']]);
    const audits = await sys.db.auditLog.findMany({ where: { action: 'gateway_payment.assigned' } });
    expect(audits.map((a) => [a.actorType, a.actorId, a.entityId])).toEqual([['operator', String(clerk.id), String(sent.body.unmatchedId)]]);

    const twice = await sys.call(clerk.key, 'POST', `/v1/payments/unmatched/${sent.body.unmatchedId}/assign`, { customerId: c.id });
    expect(twice.status).toBe(409);
    const redelivered = await sendWebhook(sys, 'bkash', notification('nobody-has-this', 'BK-UNKNOWN-2', 50000), { secret });
    expect([redelivered.status, redelivered.body]).toEqual([200, { paymentId: payment.id, duplicate: true }]);
    expect(await sys.db.payment.count({ where: { customerId: c.id } })).toBe(1);
    expect((await sys.call(clerk.key, 'GET', '/v1/payments/unmatched?state=assigned')).body.items.map((i: { id: number }) => i.id)).toEqual([sent.body.unmatchedId]);
  });

  it('refuses an unknown held payment, a missing customer and a wrong currency without recording anything', async () => {
    const sent = await sendWebhook(sys, 'bkash', notification('who-is-this', 'BK-UNKNOWN-3', 900), { secret });
    const before = await sys.db.payment.count();
    expect((await sys.call(clerk.key, 'POST', '/v1/payments/unmatched/999999/assign', { customerId: 1 })).status).toBe(404);
    const noCustomer = await sys.call(clerk.key, 'POST', `/v1/payments/unmatched/${sent.body.unmatchedId}/assign`, { customerId: 999999 });
    expect([noCustomer.status, noCustomer.body.issues?.[0]?.field]).toEqual([400, 'body.customerId']);
    const czk = await sys.call(clerk.key, 'POST', '/v1/customers', { name: 'Jana Nováková', username: 'jana.novakova', paymentReference: 'CZ-1', currency: 'CZK' });
    expect(czk.status).toBe(201);
    const wrongCurrency = await sys.call(clerk.key, 'POST', `/v1/payments/unmatched/${sent.body.unmatchedId}/assign`, { customerId: czk.body.id });
    expect([wrongCurrency.status, wrongCurrency.body.issues?.[0]?.field]).toEqual([400, 'body.currency']);
    expect(await sys.db.payment.count()).toBe(before);
    expect(await sys.db.unmatchedGatewayPayment.findUnique({ where: { id: sent.body.unmatchedId } })).toMatchObject({ paymentId: null });
  });
});
