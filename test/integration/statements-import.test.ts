import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountMatchKey, statementAccountOf, type StatementHeader } from '../../domain/statements';
import { reconciliationWorkflowId } from '../../services/statements/reconciliation-start';
import type { ReconciliationProgress } from '../../workflows/statement-reconciliation.workflow';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { FIXTURE_DIR, fixtureFile, loadFixtureCustomers, reconciled, resetLedger, uploadStatement, type LoadedCustomers } from './statements-fixtures';

interface Expected {
  file: string;
  options: { account?: string; currency?: string; mapping?: unknown };
  candidates: string;
  knownIdentities: string[];
  header: StatementHeader;
  lines: Array<{ lineNo: number; identity: string }>;
  outcomes: Array<Record<string, any>>;
  summary: Record<string, any>;
}

const FIXTURES = ['camt053-cz-2026-02', 'mt940-bd-2026-02', 'gpc-cz-2026-03', 'csv-cz-fio-2026-04', 'csv-bd-bkash-2026-02'];
const expectation = (name: string) => JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as Expected;

// The same fixtures the matcher's unit tests use, now through the API, Postgres and the
// reconciliation workflow: every line must end where the fixture says it ends.
describe('bank statement import and reconciliation', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk')).key;
  });
  afterAll(() => sys?.stop());

  async function prepare(name: string): Promise<{ expected: Expected; loaded: LoadedCustomers; fields: Record<string, string> }> {
    const expected = expectation(name);
    await resetLedger(sys);
    const currency = expected.options.currency ?? expected.header.currency;
    const loaded = await loadFixtureCustomers(sys, expected.candidates, currency);
    const fields: Record<string, string> = {};
    if (expected.options.mapping || expected.knownIdentities.length > 0) {
      const account = expected.options.account ?? statementAccountOf(expected.header);
      const created = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Main account', account, currency, csvMapping: expected.options.mapping });
      expect(created.status).toBe(201);
      if (expected.options.mapping) fields.accountId = String(created.body.id);
      if (expected.knownIdentities.length > 0) await stagePriorLines(created.body.id, expected.knownIdentities);
    }
    return { expected, loaded, fields };
  }

  // Lines a previous statement already brought in: the import must recognise them, not book them again.
  async function stagePriorLines(bankAccountId: number, identities: string[]): Promise<void> {
    const prior = await sys.db.bankStatement.create({
      data: { bankAccountId, format: 'camt053', fileName: 'earlier.xml', fileSha256: 'earlier', lineCount: identities.length, importedCount: identities.length, alreadyKnown: 0, importedBy: 'test', status: 'reconciled' },
    });
    await sys.db.bankTransaction.createMany({
      data: identities.map((identity, i) => ({ statementId: prior.id, lineNo: i + 1, identity, bookingDate: new Date('2026-01-31'), amountMinor: 1n, currency: 'CZK', state: 'ignored' as const })),
    });
  }

  it.each(FIXTURES)('%s: every line is booked or queued exactly as the fixture expects', async (name) => {
    const { expected, loaded, fields } = await prepare(name);
    const upload = await uploadStatement(sys, clerk, fixtureFile(expected.file), expected.file, fields);
    expect(upload.status).toBe(202);
    const knownLines = new Set(expected.lines.filter((l) => expected.knownIdentities.includes(l.identity)).map((l) => l.lineNo));
    const knownBefore = expected.outcomes.filter((o) => knownLines.has(o.lineNo));
    expect(upload.body).toMatchObject({ sameFile: false, lines: expected.outcomes.length, alreadyKnown: knownBefore.length, imported: expected.outcomes.length - knownBefore.length });

    const statement = await reconciled(sys, clerk, upload.body.statementId);
    const rows = await sys.db.bankTransaction.findMany({ where: { statementId: upload.body.statementId }, include: { payment: { include: { allocations: true } } } });
    const byLine = new Map(rows.map((r) => [r.lineNo, r]));
    const customer = (id: string) => loaded.customerIds.get(id);
    for (const o of expected.outcomes) {
      const row = byLine.get(o.lineNo);
      if (knownLines.has(o.lineNo)) {
        expect(row).toBeUndefined();
        continue;
      }
      if (o.kind === 'exception') {
        expect({ line: o.lineNo, state: row?.state, reason: row?.exceptionReason, candidates: [...(row?.candidateCustomerIds ?? [])].sort() })
          .toEqual({ line: o.lineNo, state: 'exception', reason: o.reason, candidates: o.candidateCustomerIds.map(customer).sort() });
        continue;
      }
      expect({ line: o.lineNo, state: row?.state, kind: row?.matchKind, by: row?.matchedBy, customer: row?.customerId, amount: Number(row?.payment?.amountMinor) })
        .toEqual({ line: o.lineNo, state: 'matched', kind: o.kind, by: o.matchedBy, customer: customer(o.customerId), amount: o.amountMinor });
      expect(row!.payment).toMatchObject({ method: 'bank_transfer', source: 'bank_statement', statementId: upload.body.statementId, customerId: customer(o.customerId) });
      expect(row!.payment!.allocations.map((a) => ({ invoice: a.invoiceId, amount: Number(a.amountMinor) })))
        .toEqual(o.allocations.map((a: any) => ({ invoice: loaded.invoiceIds.get(a.invoiceId), amount: a.appliedMinor })));
    }

    const s = expected.summary;
    expect(statement.summary).toMatchObject({
      matched: s.matched,
      matchedAmount: s.matchedAmountMinor + s.creditMinor,
      pending: 0,
      money: { allocated: s.matchedAmountMinor, credit: s.creditMinor, incoming: s.incomingAmountMinor - knownBefore.reduce((sum, o) => sum + Math.max(o.amountMinor, 0), 0) },
    });
    // Money in = allocated + credit + what waits for a clerk, to the minor unit.
    const m = statement.summary.money;
    expect(m.incoming).toBe(m.allocated + m.credit + m.notBooked);
    // What support sees when they ask the workflow (the Web UI's query tab, the CLI's progress bar).
    const progress = await sys.temporal.workflow.getHandle(reconciliationWorkflowId(upload.body.statementId)).query<ReconciliationProgress>('progress');
    expect(progress).toMatchObject({
      statementId: upload.body.statementId, status: 'reconciled', linesTotal: upload.body.imported, linesDone: upload.body.imported,
      matched: s.matched, matchedAmountMinor: s.matchedAmountMinor + s.creditMinor, exceptions: statement.summary.pending + Object.values<number>(statement.summary.exceptions).reduce((a, b) => a + b, 0),
      summary: { matched: s.matched },
    });
  });

  it('imports the same file again as nothing new, and books nothing twice', async () => {
    const { expected } = await prepare('gpc-cz-2026-03');
    const first = await uploadStatement(sys, clerk, fixtureFile(expected.file), expected.file);
    await reconciled(sys, clerk, first.body.statementId);
    const paymentsBefore = await sys.db.payment.count();

    const again = await uploadStatement(sys, clerk, fixtureFile(expected.file), 'renamed-copy.gpc');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ statementId: first.body.statementId, sameFile: true, imported: 0, alreadyKnown: expected.outcomes.length });
    await reconciled(sys, clerk, first.body.statementId);
    expect(await sys.db.payment.count()).toBe(paymentsBefore);
    expect(await sys.db.bankStatement.count()).toBe(1);
  });

  it('keeps the Czech names of a Windows-1250 GPC file and shows its payments in the Customer Payments log', async () => {
    const { expected, loaded } = await prepare('gpc-cz-2026-03');
    const upload = await uploadStatement(sys, clerk, fixtureFile(expected.file), expected.file);
    await reconciled(sys, clerk, upload.body.statementId);
    const line = await sys.db.bankTransaction.findFirstOrThrow({ where: { statementId: upload.body.statementId, lineNo: 2 } });
    expect(line.counterName).toBe('Dvořák Jiří');

    const log = await sys.call(clerk, 'GET', `/v1/payments?method=bank_transfer&limit=50`);
    expect(log.status).toBe(200);
    const row = log.body.items.find((p: any) => p.reference === '1150000001');
    expect(row).toMatchObject({ customerId: loaded.customerIds.get('C-CZ-001'), method: 'bank_transfer', source: 'bank_statement', reference: '1150000001', statementId: upload.body.statementId, collectedBy: `bank statement ${upload.body.statementId}` });
  });

  it('rejects a statement mixing currencies whole, naming the line, and stores nothing', async () => {
    await resetLedger(sys);
    const before = await sys.db.auditLog.count();
    const r = await uploadStatement(sys, clerk, fixtureFile('camt053-multi-currency.xml'), 'camt053-multi-currency.xml');
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual([{ field: 'file.line.14', reason: expect.stringContaining('multiple currencies: line 7 is EUR, statement is CZK') }]);
    expect(await sys.db.bankStatement.count()).toBe(0);
    expect(await sys.db.bankTransaction.count()).toBe(0);
    expect(await sys.db.bankAccount.count()).toBe(0);
    expect(await sys.db.auditLog.count()).toBe(before);
  });

  it('answers 400 for a file that is no statement, a CSV without an account, and a missing file', async () => {
    const notStatement = await uploadStatement(sys, clerk, 'hello world', 'notes.txt');
    expect(notStatement.status).toBe(400);
    expect(notStatement.body.issues[0]).toEqual({ field: 'file', reason: 'not a camt.053, MT940, GPC or CSV statement' });
    const csv = await uploadStatement(sys, clerk, 'date;amount\n01.04.2026;100,00\n', 'export.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.issues[0].field).toBe('accountId');
    const unknownAccount = await uploadStatement(sys, clerk, 'date;amount\n', 'export.csv', { accountId: '999' });
    expect(unknownAccount.body.issues[0]).toEqual({ field: 'accountId', reason: 'bank account 999 does not exist' });
    const json = await sys.call(clerk, 'POST', '/v1/statements', { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.issues[0].field).toBe('body.file');
    expect(await sys.db.bankStatement.count()).toBe(0);
  });

  it("refuses a statement uploaded for another account than the one it names, or in another currency than its account's", async () => {
    await resetLedger(sys);
    const gpc = expectation('gpc-cz-2026-03');
    const stated = statementAccountOf(gpc.header);
    const other = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Savings', account: 'CZ6508000000192000145399', currency: 'CZK' });
    const wrongAccount = await uploadStatement(sys, clerk, fixtureFile(gpc.file), gpc.file, { accountId: String(other.body.id) });
    expect([wrongAccount.status, wrongAccount.body.issues[0]]).toEqual([400, { field: 'accountId', reason: `the statement is for account ${stated}, not bank account ${other.body.id} (CZ6508000000192000145399)` }]);

    await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Euro', account: stated, currency: 'EUR' });
    const wrongCurrency = await uploadStatement(sys, clerk, fixtureFile(gpc.file), gpc.file);
    expect([wrongCurrency.status, wrongCurrency.body.issues[0].field]).toEqual([400, 'file']);
    expect(wrongCurrency.body.message).toMatch(/^the statement is in CZK but account .* is in EUR$/);
    expect(await sys.db.bankStatement.count()).toBe(0);
  });

  it('refuses a bank account with a broken CSV mapping, naming the field', async () => {
    const r = await sys.call(clerk, 'POST', '/v1/bank-accounts', { name: 'Bad', account: 'CZ6508000000192000145399', currency: 'CZK', csvMapping: { delimiter: ';;', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true, columns: { date: 0 } } });
    expect(r.status).toBe(400);
    expect(r.body.issues.map((i: any) => i.field).sort()).toEqual(['body.csvMapping.columns.amount', 'body.csvMapping.delimiter']);
    expect(await sys.db.bankAccount.count({ where: { name: 'Bad' } })).toBe(0);
  });

  it('keys remembered payer accounts by account, not by spelling', () => {
    expect(accountMatchKey('CZ11 2010 0000 0028 0123 4567')).toBe(accountMatchKey('2801234567/2010'));
  });
});
