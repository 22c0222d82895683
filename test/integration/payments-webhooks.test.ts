import { signWebhook } from '../../services/webhook-signature';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { ledger, newCustomer, newInvoice, sendWebhook } from './payments-fixtures';

// Gateways push confirmations; they retry on any doubt, so redelivery must be harmless,
// and only a request signed with the gateway's shared secret may create money.
describe('payment gateway webhooks', () => {
  let sys: TestSystem;
  let clerk: string;
  const secret = 'nagad-shared-secret';

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    process.env.WEBHOOK_SECRET_NAGAD = secret;
    delete process.env.WEBHOOK_SECRET_SSLCOMMERZ;
  });
  afterAll(() => sys?.stop());

  const notification = (customerReference: string, transactionId: string, amountMinor = 50000) =>
    ({ transactionId, customerReference, amountMinor, currency: 'BDT', paidAt: '2026-11-02T09:15:00+06:00' });

  it('records one payment for a transaction delivered twice, answering 200 both times', async () => {
    const c = await newCustomer(sys, clerk);
    const invoice = await newInvoice(sys, c.id, '2026-10', 80000);
    const body = notification(c.paymentReference, '8N7A6D5EE7M');

    const first = await sendWebhook(sys, 'nagad', body, { secret });
    const second = await sendWebhook(sys, 'nagad', body, { secret });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toEqual({ paymentId: expect.any(Number), duplicate: false });
    expect(second.body).toEqual({ paymentId: first.body.paymentId, duplicate: true });

    const payments = await sys.db.payment.findMany({ where: { customerId: c.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amountMinor: 50000n, method: 'nagad', source: 'gateway', gateway: 'nagad', operatorId: null,
      reference: '8N7A6D5EE7M', externalKey: 'gateway:nagad:8N7A6D5EE7M', receivedAt: new Date('2026-11-02T03:15:00Z'),
    });
    expect(await ledger(sys, c.id)).toEqual([{ id: invoice, status: 'partially_paid', paidMinor: 50000, totalMinor: 80000 }]);
    const audits = await sys.db.auditLog.findMany({ where: { entityType: 'payment', entityId: String(first.body.paymentId) } });
    expect(audits.map((a) => [a.action, a.actorType, a.actorId]).sort()).toEqual([['payment.allocated', 'gateway', 'nagad'], ['payment.recorded', 'gateway', 'nagad']]);
  });

  it('also collapses simultaneous deliveries into one payment', async () => {
    const c = await newCustomer(sys, clerk);
    const body = notification(c.username, 'SIMUL-0001', 1200);
    const results = await Promise.all([1, 2, 3].map(() => sendWebhook(sys, 'nagad', body, { secret })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(await sys.db.payment.count({ where: { customerId: c.id } })).toBe(1);
  });

  it('answers 401 and stores nothing for a bad, missing or foreign signature', async () => {
    const c = await newCustomer(sys, clerk);
    const body = notification(c.paymentReference, 'FORGED-1');
    const before = { payments: await sys.db.payment.count(), audit: await sys.db.auditLog.count() };
    const attempts = [
      await sendWebhook(sys, 'nagad', body, { secret: 'guessed-secret' }),
      await sendWebhook(sys, 'nagad', body, {}),
      await sendWebhook(sys, 'nagad', body, { header: 'sha256=nothex' }),
      await sendWebhook(sys, 'nagad', body, { header: signWebhook(secret, JSON.stringify({ ...body, amountMinor: 1 })) }),
      // No secret configured for this gateway: nothing can verify, not even an empty-key HMAC.
      await sendWebhook(sys, 'sslcommerz', body, { secret: '' }),
      // Junk that is not even JSON still gets 401, not a parse error.
      await fetch(`${sys.api.url}/v1/webhooks/nagad`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })
        .then(async (r) => ({ status: r.status, body: await r.json() })),
    ];
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(attempts[0]!.body.error).toBe('unauthorized');
    expect({ payments: await sys.db.payment.count(), audit: await sys.db.auditLog.count() }).toEqual(before);
  });

  it('validates a correctly signed body: 400 with field and reason, nothing stored', async () => {
    const c = await newCustomer(sys, clerk);
    const before = await sys.db.payment.count();
    const cases: Array<[unknown, string]> = [
      [notification(c.paymentReference, 'BAD-AMOUNT', 0), 'body.amountMinor'],
      [{ ...notification(c.paymentReference, 'BAD-DATE'), paidAt: '02/11/2026' }, 'body.paidAt'],
      [{ ...notification(c.paymentReference, 'BAD-CUR'), currency: 'USD' }, 'body.currency'],
      [notification('', 'BAD-REF'), 'body.customerReference'],
      [notification(c.paymentReference, 'has spaces'), 'body.transactionId'],
    ];
    for (const [body, field] of cases) {
      const r = await sendWebhook(sys, 'nagad', body, { secret });
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.body.issues.find((i: { field: string }) => i.field === field)?.reason).toEqual(expect.any(String));
    }
    const notJson = '{"transactionId": ';
    const r = await fetch(`${sys.api.url}/v1/webhooks/nagad`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-settle-signature': signWebhook(secret, notJson) }, body: notJson });
    expect(r.status).toBe(400);
    expect(await sys.db.payment.count()).toBe(before);
  });

  it('needs no operator key, and operator routes stay protected', async () => {
    const c = await newCustomer(sys, clerk);
    expect((await sendWebhook(sys, 'nagad', notification(c.paymentReference, 'NO-KEY-1', 100), { secret })).status).toBe(200);
    expect((await sys.call('stl_nope', 'GET', '/v1/payments')).status).toBe(401);
  });
});
