import { startTestSystem, type TestSystem } from '../support/test-system';
import { reconciled, uploadStatement } from './statements-fixtures';
import { ledger, manualPayment, newCustomer, newInvoice, sendWebhook } from './payments-fixtures';

// Recording and reversing payments against real Postgres: FIFO allocation, exact
// minor units, invoice statuses, audit, outbox, the statement, and races.
describe('payments: record, allocate, reverse', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let manager: { id: number; key: string };

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    manager = await sys.operatorKey('manager', 'Manager Tapan');
    process.env.WEBHOOK_SECRET_BKASH = 'bkash-test-secret';
  });
  afterAll(() => sys?.stop());

  it('pays the oldest due invoice first, partially then in full, and keeps the rest as credit', async () => {
    const { id } = await newCustomer(sys, clerk.key);
    // Inserted out of due order: allocation must follow due dates, not ids.
    const dec = await newInvoice(sys, id, '2026-12', 80000);
    const oct = await newInvoice(sys, id, '2026-10', 100000);
    const nov = await newInvoice(sys, id, '2026-11', 100000);

    const first = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 150050, { reference: 'counter-1', note: 'paid at office' }));
    expect(first.status).toBe(201);
    expect(first.body.allocations).toEqual([{ invoiceId: oct, amountMinor: 100000 }, { invoiceId: nov, amountMinor: 50050 }]);
    expect(first.body.unallocatedMinor).toBe(0);
    expect(first.body.payment).toMatchObject({ amountMinor: 150050, method: 'cash', source: 'manual', operatorId: clerk.id, reference: 'counter-1', reversedAt: null });
    expect(await ledger(sys, id)).toEqual([
      { id: dec, status: 'issued', paidMinor: 0, totalMinor: 80000 },
      { id: oct, status: 'paid', paidMinor: 100000, totalMinor: 100000 },
      { id: nov, status: 'partially_paid', paidMinor: 50050, totalMinor: 100000 },
    ]);

    const second = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 150000, { method: 'bkash' }));
    expect(second.status).toBe(201);
    expect(second.body.allocations).toEqual([{ invoiceId: nov, amountMinor: 49950 }, { invoiceId: dec, amountMinor: 80000 }]);
    expect(second.body.unallocatedMinor).toBe(20050);
    expect((await ledger(sys, id)).map((i) => [i.status, i.paidMinor])).toEqual([['paid', 80000], ['paid', 100000], ['paid', 100000]]);

    // With nothing open, the whole payment is credit.
    const third = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 999));
    expect(third.body.allocations).toEqual([]);
    expect(third.body.unallocatedMinor).toBe(999);

    const audits = await sys.db.auditLog.findMany({ where: { entityType: 'payment', entityId: String(first.body.payment.id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ['payment.recorded', 'operator', String(clerk.id)],
      ['payment.allocated', 'operator', String(clerk.id)],
    ]);
    expect(audits[1]!.data).toEqual({ allocations: first.body.allocations, unallocatedMinor: 0 });
    const signals = await sys.db.outboxMessage.findMany({ where: { workflowId: `billing-customer-${id}`, signal: 'paymentPosted' } });
    expect(signals.map((s) => s.payload)).toEqual(expect.arrayContaining([{ paymentId: first.body.payment.id }, { paymentId: second.body.payment.id }]));

    const statement = await sys.call(clerk.key, 'GET', `/v1/customers/${id}/statement`);
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ billedMinor: 280000, paidMinor: 301049, outstandingMinor: -21049 });
    expect(statement.body.entries.at(-1).balanceMinor).toBe(-21049);
  });

  it('reverses a payment by unwinding its allocations, reopens invoices, and refuses a second reversal', async () => {
    const { id } = await newCustomer(sys, clerk.key);
    const oct = await newInvoice(sys, id, '2026-10', 100000);
    const nov = await newInvoice(sys, id, '2026-11', 100000);
    const a = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 150000));
    const b = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 70000));
    expect(b.body.allocations).toEqual([{ invoiceId: nov, amountMinor: 50000 }]);
    expect(b.body.unallocatedMinor).toBe(20000);

    const r = await sys.call(manager.key, 'POST', `/v1/payments/${a.body.payment.id}/reverse`, { reason: 'cheque bounced' });
    expect(r.status).toBe(200);
    expect(r.body.unwound).toEqual([{ invoiceId: oct, amountMinor: 100000 }, { invoiceId: nov, amountMinor: 50000 }]);
    expect(r.body.payment.reversalReason).toBe('cheque bounced');
    expect(r.body.payment.reversedAt).not.toBeNull();

    const rows = await sys.db.paymentAllocation.findMany({ where: { paymentId: a.body.payment.id }, orderBy: { id: 'asc' } });
    expect(rows.map((x) => [x.invoiceId, Number(x.amountMinor)])).toEqual([[oct, 100000], [nov, 50000], [oct, -100000], [nov, -50000]]);
    // b's 20 000 of credit then pays the reopened October invoice, the oldest due.
    expect(await ledger(sys, id)).toEqual([
      { id: oct, status: 'partially_paid', paidMinor: 20000, totalMinor: 100000 },
      { id: nov, status: 'partially_paid', paidMinor: 50000, totalMinor: 100000 },
    ]);

    const again = await sys.call(manager.key, 'POST', `/v1/payments/${a.body.payment.id}/reverse`, { reason: 'double click' });
    expect(again.status).toBe(409);
    expect(await sys.db.paymentAllocation.count({ where: { paymentId: a.body.payment.id } })).toBe(4);
    expect(await sys.db.auditLog.count({ where: { action: 'payment.reversed', entityId: String(a.body.payment.id) } })).toBe(1);

    const statement = await sys.call(clerk.key, 'GET', `/v1/customers/${id}/statement`);
    expect(statement.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['bill', 'bill', 'payment', 'payment', 'reversal']);
    expect(statement.body).toMatchObject({ billedMinor: 200000, paidMinor: 70000, outstandingMinor: 130000 });

    expect((await sys.call(clerk.key, 'POST', '/v1/payments/999999/reverse', { reason: 'no such payment' })).status).toBe(404);
  });

  it('serialises concurrent payments for one customer (two operators, a gateway and a bank statement) into an exact ledger', async () => {
    const mapping = { delimiter: ',', decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', hasHeader: true, columns: { date: 'date', amount: 'amount', variableSymbol: 'vs', bankReference: 'id' } };
    const bank = await sys.call(clerk.key, 'POST', '/v1/bank-accounts', { name: 'City Bank', account: '1102345678901', currency: 'BDT', csvMapping: mapping });
    for (let round = 0; round < 3; round++) {
      const c = await newCustomer(sys, clerk.key);
      const oct = await newInvoice(sys, c.id, '2026-10', 100000);
      const nov = await newInvoice(sys, c.id, '2026-11', 50000);
      const results = await Promise.all([
        sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(c.id, 60000)),
        sys.call(manager.key, 'POST', '/v1/payments', manualPayment(c.id, 70000)),
        sendWebhook(sys, 'bkash', { transactionId: `TRX-RACE-${round}-${c.id}`, customerReference: c.paymentReference, amountMinor: 40000, currency: 'BDT', paidAt: new Date().toISOString() }, { secret: 'bkash-test-secret' }),
        uploadStatement(sys, clerk.key, `date,amount,vs,id\n2026-11-02,300.00,${c.paymentReference},RACE-${round}-${c.id}\n`, `race-${round}.csv`, { accountId: String(bank.body.id) }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201, 200, 202]);
      await reconciled(sys, clerk.key, results[3]!.body.statementId);

      expect(await ledger(sys, c.id)).toEqual([
        { id: oct, status: 'paid', paidMinor: 100000, totalMinor: 100000 },
        { id: nov, status: 'paid', paidMinor: 50000, totalMinor: 50000 },
      ]);
      const payments = await sys.db.payment.findMany({ where: { customerId: c.id }, include: { allocations: true } });
      const received = payments.reduce((s, p) => s + Number(p.amountMinor), 0);
      const allocated = payments.flatMap((p) => p.allocations).reduce((s, a) => s + Number(a.amountMinor), 0);
      expect([payments.length, received, allocated]).toEqual([4, 200000, 150000]);
      for (const p of payments) expect(p.allocations.reduce((s, a) => s + Number(a.amountMinor), 0)).toBeLessThanOrEqual(Number(p.amountMinor));
    }
  });

  it('answers 400 with field and reason for bad input and stores nothing', async () => {
    const { id } = await newCustomer(sys, clerk.key);
    await newInvoice(sys, id, '2026-10', 100000);
    const before = await sys.db.payment.count();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const cases: Array<[unknown, string]> = [
      [manualPayment(id, 0), 'body.amountMinor'],
      [manualPayment(id, -500), 'body.amountMinor'],
      [manualPayment(id, 10.5), 'body.amountMinor'],
      [manualPayment(id, 1000, { method: 'paypal' }), 'body.method'],
      [manualPayment(id, 1000, { receivedAt: 'yesterday' }), 'body.receivedAt'],
      [manualPayment(id, 1000, { receivedAt: '2026-02-30T10:00:00Z' }), 'body.receivedAt'],
      [manualPayment(id, 1000, { receivedAt: future }), 'body.receivedAt'],
      [manualPayment(id, 1000, { currency: 'EUR' }), 'body.currency'],
      [manualPayment(id, 1000, { currency: 'taka' }), 'body.currency'],
      [manualPayment(987654, 1000), 'body.customerId'],
      [{ amountMinor: 1000, currency: 'BDT', method: 'cash' }, 'body.customerId'],
      // A misspelt field is refused, not dropped: dropped, these would pay twice or on the wrong day.
      [manualPayment(id, 1000, { idempotency_key: 'form-1' }), 'body.idempotency_key'],
      [manualPayment(id, 1000, { recievedAt: '2026-11-20T10:00:00Z' }), 'body.recievedAt'],
    ];
    for (const [body, field] of cases) {
      const r = await sys.call(clerk.key, 'POST', '/v1/payments', body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      const issue = r.body.issues.find((i: { field: string }) => i.field === field);
      expect(issue?.reason).toEqual(expect.any(String));
    }
    expect(await sys.db.payment.count()).toBe(before);
    expect(await sys.db.paymentAllocation.count({ where: { payment: { customerId: id } } })).toBe(0);
  });

  it('rejects a body over the size limit with 413 and a clear message', async () => {
    const { id } = await newCustomer(sys, clerk.key);
    const before = await sys.db.payment.count();
    const r = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 1000, { note: 'x'.repeat(2 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/too large/i);
    expect(await sys.db.payment.count()).toBe(before);
  });

  it('treats a repeated idempotency key as the same payment', async () => {
    const { id } = await newCustomer(sys, clerk.key);
    const body = manualPayment(id, 5000, { idempotencyKey: 'form-7f3a9c21' });
    const [a, b] = await Promise.all([sys.call(clerk.key, 'POST', '/v1/payments', body), sys.call(clerk.key, 'POST', '/v1/payments', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.payment.id).toBe(b.body.payment.id);
    expect(await sys.db.payment.count({ where: { customerId: id } })).toBe(1);
    const other = await sys.call(clerk.key, 'POST', '/v1/payments', manualPayment(id, 6000, { idempotencyKey: 'form-7f3a9c21' }));
    expect(other.status).toBe(409);
  });
});
