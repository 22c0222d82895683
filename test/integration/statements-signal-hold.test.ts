// While a statement reconciles, its customers' paymentPosted signals wait in the outbox
// (starting thousands of workflows meanwhile would halve the booking's speed); the
// statement's finish lets them go, behind any customer's own signal.
import { stageStatement } from '../../data/statement-staging';
import { OUTBOX_LANE } from '../../data/outbox';
import { reconcileNextBatch } from '../../services/statements/reconcile-batch.service';
import { finishStatement } from '../../services/statements/statement-summary.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe("a reconciling statement's customer signals", () => {
  let t: TestDatabase;
  beforeAll(async () => (t = await createTestDatabase()));
  afterAll(() => t?.drop());

  it('are held until the statement is reconciled, then released: blocked customers first, the rest in the bulk lane', async () => {
    const db = t.db;
    const customers = [];
    for (const n of [1, 2, 3]) {
      const customer = await db.customer.create({ data: { username: `h${n}`, name: `H ${n}`, paymentReference: String(6100 + n), currency: 'CZK' } });
      await db.invoice.create({
        data: { number: `2026-H${n}`, customerId: customer.id, period: '2026-03', issueDate: new Date('2026-03-01'), dueDate: new Date('2026-03-15'), currency: 'CZK', netMinor: 49900n, taxMinor: 0n, totalMinor: 49900n },
      });
      customers.push(customer);
    }
    const account = await db.bankAccount.create({ data: { name: 'A', account: '2900123456/2010', accountKey: '2900123456/2010', currency: 'CZK' } });
    const lines = customers.map((c, i) => ({
      lineNo: i + 1, bookingDate: '2026-03-10', amountMinor: 49900, currency: 'CZK', variableSymbol: c.paymentReference, bankReference: `H-${i}`, identity: `ref:acct:H-${i}`,
    }));
    const staged = await db.$transaction((tx) => stageStatement(tx, {
      bankAccountId: account.id, format: 'csv', fileName: 'h.csv', fileSha256: 'h', header: { accountNumber: '2900123456/2010', currency: 'CZK' }, lines, importedBy: 'test',
    }));
    const signals = () => db.outboxMessage.findMany({ where: { signal: 'paymentPosted' }, orderBy: { id: 'asc' } });

    const first = await reconcileNextBatch(db, staged.statementId, 2, 0, 'test-run');
    expect(first).toMatchObject({ lines: 2, matched: 2, more: true });
    expect((await signals()).map((s) => [s.workflowId, s.lane, s.heldFor])).toEqual([
      [`billing-customer-${customers[0]!.id}`, OUTBOX_LANE.held, `statement:${staged.statementId}`],
      [`billing-customer-${customers[1]!.id}`, OUTBOX_LANE.held, `statement:${staged.statementId}`],
    ]);
    await reconcileNextBatch(db, staged.statementId, 2, first.lastLineNo, 'test-run');
    expect((await signals()).every((s) => s.lane === OUTBOX_LANE.held)).toBe(true);

    // The second customer's line is blocked by now: their signal goes out before everyone else's.
    await db.customerDunning.create({ data: { customerId: customers[1]!.id, workflowId: `billing-customer-${customers[1]!.id}`, state: 'blocked', network: 'block', overdueMinor: 49900n } });
    const summary = await finishStatement(db, staged.statementId);
    expect(summary).toMatchObject({ status: 'reconciled', matched: 3, matchedAmount: 3 * 49900 });
    expect((await signals()).map((s) => [s.lane, s.heldFor, s.deliveredAt])).toEqual([
      [OUTBOX_LANE.bulk, null, null], [OUTBOX_LANE.now, null, null], [OUTBOX_LANE.bulk, null, null],
    ]);
    expect((await signals()).map((s) => (s.payload as { paymentId: number }).paymentId).sort()).toEqual(
      (await db.payment.findMany({ where: { statementId: staged.statementId } })).map((p) => p.id).sort(),
    );
  });
});
