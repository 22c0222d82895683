import { runWorker } from '../../worker/run-worker';
import { reconcileNextBatch } from '../../services/statements/reconcile-batch.service';
import { reconciliationWorkflowId } from '../../services/statements/reconciliation-start';
import type { statementReconciliationWorkflow } from '../../workflows/statement-reconciliation.workflow';
import { maybeRecordHistory } from '../support/histories';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { testServices } from '../support/test-services';
import { uploadStatement } from './statements-fixtures';

const CUSTOMERS = 60;
const LINES = 300;

// A worker that dies while a statement is being reconciled (batches of 10 lines, so it dies
// with most of them left even on an idle machine): its replacement finishes the
// statement, and every line is booked exactly once.
describe('a statement reconciliation whose worker dies mid-run', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
    await sys.db.customer.createMany({ data: Array.from({ length: CUSTOMERS }, (_, i) => ({ username: `r${i}`, name: `R ${i}`, paymentReference: String(880000 + i), currency: 'CZK' })) });
    const customers = await sys.db.customer.findMany();
    await sys.db.invoice.createMany({
      data: customers.map((c) => ({ number: `2026-R${c.id}`, customerId: c.id, period: '2026-03', issueDate: new Date('2026-03-01'), dueDate: new Date('2026-03-15'), currency: 'CZK', netMinor: 50000n, taxMinor: 0n, totalMinor: 50000n })),
    });
  });
  afterAll(() => sys?.stop());

  it('finishes after a restart with one payment per line and the money all accounted for', async () => {
    const mapping = { delimiter: ';', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true, columns: { date: 'Datum', amount: 'Objem', variableSymbol: 'VS', bankReference: 'ID' } };
    const account = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Main', account: '2900123456/2010', currency: 'CZK', csvMapping: mapping });
    const rows = Array.from({ length: LINES }, (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}.03.2026;${i % 3 === 0 ? '500,00' : '200,00'};${880000 + (i % CUSTOMERS)};L${i}`);
    const csv = ['Datum;Objem;VS;ID', ...rows].join('\n');

    await sys.worker.stop(); // nothing runs until we say so
    const upload = await uploadStatement(sys, clerk, csv, 'march.csv', { accountId: String(account.body.id) });
    expect(upload.body).toMatchObject({ imported: LINES });
    const statementId: number = upload.body.statementId;
    const handle = await sys.temporal.workflow.signalWithStart<typeof statementReconciliationWorkflow, [Record<string, never>]>('statementReconciliationWorkflow', {
      workflowId: reconciliationWorkflowId(statementId), taskQueue: sys.taskQueue, args: [{ statementId, batchSize: 10 }], signal: 'reconcile', signalArgs: [{}],
    });
    const services = testServices();
    const start = () => runWorker({ databaseUrl: sys.url, temporalAddress: services.temporalAddress, namespace: sys.temporal.options.namespace, taskQueue: sys.taskQueue, workflowBundle: { codePath: services.bundlePath } });

    const doomed = await start();
    await eventually(async () => (await sys.db.bankTransaction.count({ where: { statementId, state: 'matched' } })) >= 10, 30_000);
    await doomed.stop(); // the worker dies mid-run
    expect(await sys.db.bankTransaction.count({ where: { statementId, state: 'pending' } })).toBeGreaterThan(0);

    const replacement = await start();
    try {
      const result = await handle.result();
      expect(result.status).toBe('reconciled');
      expect(result.linesDone).toBe(LINES);
      expect(await sys.db.payment.count({ where: { statementId } })).toBe(LINES);
      const perLine = await sys.db.bankTransaction.groupBy({ by: ['paymentId'], where: { statementId }, _count: true });
      expect(perLine.every((g) => g.paymentId !== null && g._count === 1)).toBe(true);
      const expectedMoney = rows.reduce((sum, _, i) => sum + (i % 3 === 0 ? 50000 : 20000), 0);
      expect(result.summary).toMatchObject({ matched: LINES, matchedAmount: expectedMoney, money: { incoming: expectedMoney, allocated: CUSTOMERS * 50000, credit: expectedMoney - CUSTOMERS * 50000, notBooked: 0 } });
      expect(await sys.db.invoice.count({ where: { status: 'paid' } })).toBe(CUSTOMERS);
      await maybeRecordHistory(handle, 'statement-reconciliation-resumed-after-worker-death');
    } finally {
      await replacement.stop();
    }
  }, 120_000); // 30 batches, each an activity and a workflow task: slow when CI runs suites side by side

  it('a batch repeated after its commit (the worker died before reporting it) answers what it booked, and books nothing again', async () => {
    await sys.worker.stop(); // only this test reconciles the statement
    const account = await sys.db.bankAccount.findFirstOrThrow();
    const csv = ['Datum;Objem;VS;ID', ...Array.from({ length: 6 }, (_, i) => `02.04.2026;100,00;${880000 + i};Q${i}`)].join('\n');
    const upload = await uploadStatement(sys, clerk, csv, 'april.csv', { accountId: String(account.id) });
    const statementId: number = upload.body.statementId;
    const first = await reconcileNextBatch(sys.db, statementId, 4, 0, 'run-a');
    expect(first).toMatchObject({ lines: 4, matched: 4, matchedAmountMinor: 40000, lastLineNo: 5, more: true });
    expect(await reconcileNextBatch(sys.db, statementId, 4, 0, 'run-a')).toEqual(first);
    expect(await sys.db.payment.count({ where: { statementId } })).toBe(4);
    // A later run (the file uploaded again) answers for itself: what is left, not run-a's batch again.
    expect(await reconcileNextBatch(sys.db, statementId, 4, 0, 'run-b')).toMatchObject({ lines: 2, matched: 2, lastLineNo: 7, more: false });
    expect(await reconcileNextBatch(sys.db, statementId, 4, 7, 'run-b')).toMatchObject({ lines: 0, more: false });
    expect(await sys.db.payment.count({ where: { statementId } })).toBe(6);
  });
});
