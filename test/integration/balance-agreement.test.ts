import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { manualPayment, newCustomer, newInvoice, sendWebhook } from './payments-fixtures';

const BUCKETS = ['currentMinor', 'days1To30Minor', 'days31To60Minor', 'days61To90Minor', 'over90Minor'] as const;

// Issue #13 item 5: after a reversal every view of what a customer owes says the same.
describe('one balance everywhere', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let manager: { id: number; key: string };
  const secret = 'bkash-balance-secret';

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    manager = await sys.operatorKey('manager', 'Manager Tapan');
    process.env.WEBHOOK_SECRET_BKASH = secret;
  });
  afterAll(() => sys?.stop());

  it('bill 800, pay 300 cash + 500 bKash + 200 cash, reverse the bKash: statement, invoice, receivables and dunning all say 300', async () => {
    const c = await newCustomer(sys, clerk.key);
    const invoiceId = await newInvoice(sys, c.id, '2026-10', 800);
    expect((await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(c.id, 300))).status).toBe(201);
    const bkash = await sendWebhook(sys, 'bkash', { transactionId: `TRX-BAL-${c.id}`, customerReference: c.paymentReference, amountMinor: 500, currency: 'BDT', paidAt: new Date().toISOString() }, { secret });
    expect(bkash.status).toBe(200);
    const extra = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(c.id, 200));
    expect(extra.body.unallocatedMinor).toBe(200);

    const reversed = await sys.call(manager.key, 'POST', `/v1/payments/${bkash.body.paymentId}/reverse`, { reason: 'chargeback' });
    expect(reversed.status).toBe(200);

    const statement = await sys.call(clerk.key, 'GET', `/v1/customers/${c.id}/statement`);
    expect(statement.body).toMatchObject({ billedMinor: 800, paidMinor: 500, outstandingMinor: 300 });
    expect(statement.body.entries.at(-1).balanceMinor).toBe(300);

    const invoice = await sys.call(clerk.key, 'GET', `/v1/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'partially_paid', paidMinor: 500, outstandingMinor: 300 });

    const receivables = await sys.call(clerk.key, 'GET', '/v1/reports/receivables?limit=500');
    const row = receivables.body.items.find((r: { customerId: number }) => r.customerId === c.id);
    expect(row).toMatchObject({ billedMinor: 800, paidMinor: 500, creditMinor: 0, outstandingMinor: 300 });
    expect(BUCKETS.reduce((s, b) => s + row[b], 0)).toBe(300);

    // The 200 cash now pays the reopened invoice: audited as the manager's doing, dunning told.
    const applied = await sys.db.auditLog.findMany({ where: { action: 'credit.applied', entityType: 'invoice', entityId: String(invoiceId) } });
    expect(applied.map((a) => [a.actorType, a.actorId, a.data])).toEqual([['operator', String(manager.id), { paymentId: extra.body.payment.id, amountMinor: 200 }]]);
    expect(await sys.db.outboxMessage.count({ where: { workflowId: `billing-customer-${c.id}`, signal: 'creditApplied' } })).toBe(1);

    const dunning = await eventually(async () => {
      const r = await sys.call(clerk.key, 'GET', `/v1/customers/${c.id}/dunning`);
      return r.body.overdueMinor === 300 ? r.body : undefined;
    });
    expect(dunning.overdueMinor).toBe(300);
  });
});
