import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { CZECH_CSV_MAPPING as MAPPING, reconciled, uploadStatement } from './statements-fixtures';

// A blocked customer pays by bank transfer: once the statement is booked, their line comes back.
describe('a bank statement restores a blocked customer', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    await sys.allowEnforcementAnyTime((await sys.operatorKey('admin')).key);
  });
  afterAll(() => sys?.stop());

  it('unblocks the customer after their payment on the statement is booked', async () => {
    const customer = await sys.db.customer.create({ data: { username: 'jana.novakova', name: 'Jana Nováková', paymentReference: '8800123', currency: 'CZK' } });
    await sys.db.invoice.create({
      data: { number: '2026-R00001', customerId: customer.id, period: '2026-10', issueDate: new Date('2026-10-01'), dueDate: new Date('2026-10-15'), currency: 'CZK', netMinor: 49900n, taxMinor: 0n, totalMinor: 49900n },
    });
    expect((await sys.call(clerk, 'POST', `/v1/customers/${customer.id}/billing-workflow`)).status).toBe(202);
    await eventually(async () => ((await sys.call(clerk, 'GET', `/v1/customers/${customer.id}/dunning`)).body.network === 'block' ? true : undefined));

    const account = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Fio CZK', account: 'CZ8620100000002900123456', currency: 'CZK', csvMapping: MAPPING });
    const csv = 'Datum;Objem;VS;Protiúčet;Název;Zpráva;ID\n20.11.2026;499,00;8800123;123456789/0300;Nováková Jana;internet říjen;R-1\n';
    const upload = await uploadStatement(sys, clerk, csv, 'listopad.csv', { accountId: String(account.body.id) });
    expect(upload.status).toBe(202);
    const statement = await reconciled(sys, clerk, upload.body.statementId);
    expect(statement.summary).toMatchObject({ matched: 1, matchedAmount: 49900 });

    const restored = await eventually(async () => {
      const r = await sys.call(clerk, 'GET', `/v1/customers/${customer.id}/dunning`);
      return r.body.network === 'none' ? r.body : undefined;
    });
    expect(restored.overdueMinor).toBe(0);
    // Held while the statement was booked, then sent ahead of customers who were never cut off.
    expect(await sys.db.outboxMessage.findMany({ where: { workflowId: `billing-customer-${customer.id}`, signal: 'paymentPosted' }, select: { lane: true, heldFor: true, deliveredAt: true } }))
      .toEqual([{ lane: 0, heldFor: null, deliveredAt: expect.any(Date) }]);
  });
});
