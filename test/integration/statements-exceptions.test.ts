import { startTestSystem, type TestSystem } from '../support/test-system';
import { CZECH_CSV_MAPPING as MAPPING, reconciled, uploadStatement } from './statements-fixtures';

const HEADER = 'Datum;Objem;VS;Protiúčet;Název;Zpráva;ID';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

// What the clerk does with the lines matching could not place, and what a re-import of
// overlapping exports does (nothing twice).
describe('bank statement exceptions and overlapping imports', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let accountId: string;
  let serial = 0;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk');
    const account = await sys.call(clerk.key, 'POST', '/v1/bank-accounts', { name: 'Fio CZK', account: 'CZ8620100000002900123456', currency: 'CZK', csvMapping: MAPPING });
    expect(account.status).toBe(201);
    accountId = String(account.body.id);
  });
  afterAll(() => sys?.stop());

  async function customerWithInvoice(totalMinor: number, reference = String(770000 + serial + 1)): Promise<{ customerId: number; invoiceId: number; reference: string }> {
    serial++;
    const customer = await sys.db.customer.create({ data: { username: `cz${serial}`, name: `Zákazník ${serial}`, paymentReference: reference, currency: 'CZK' } });
    const invoice = await sys.db.invoice.create({
      data: { number: `2026-9${String(serial).padStart(5, '0')}`, customerId: customer.id, period: '2026-04', issueDate: new Date('2026-04-01'), dueDate: new Date('2026-04-15'), currency: 'CZK', netMinor: BigInt(totalMinor), taxMinor: 0n, totalMinor: BigInt(totalMinor) },
    });
    return { customerId: customer.id, invoiceId: invoice.id, reference };
  }

  async function importCsv(body: string, name: string): Promise<{ statementId: number; upload: any; summary: any }> {
    const upload = await uploadStatement(sys, clerk.key, body, name, { accountId });
    expect(upload.status).toBe(202);
    const statement = await reconciled(sys, clerk.key, upload.body.statementId);
    return { statementId: upload.body.statementId, upload: upload.body, summary: statement.summary };
  }

  const exceptionsOf = async (statementId: number, key = clerk.key) => (await sys.call(key, 'GET', `/v1/statements/${statementId}/exceptions`)).body.exceptions;

  it('books an unknown payment the clerk assigns exactly like a match, and matches that payer account by itself next time', async () => {
    const x = await customerWithInvoice(59900);
    const first = await importCsv(csv(`02.04.2026;599,00;;123456789/0300;Novák Petr;internet duben;A-1`), 'april-1.csv');
    const [open] = await exceptionsOf(first.statementId);
    expect(open).toMatchObject({ lineNo: 2, reason: 'unknown_reference', amountMinor: 59900, counterName: 'Novák Petr', candidates: [] });

    const resolved = await sys.call(clerk.key, 'POST', `/v1/statements/${first.statementId}/exceptions/${open.lineId}/resolve`, { action: 'assign', customerId: x.customerId, invoiceId: x.invoiceId, note: 'phoned him' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'assigned', paymentId: expect.any(Number) });
    const payment = await sys.db.payment.findUniqueOrThrow({ where: { id: resolved.body.paymentId }, include: { allocations: true } });
    expect(payment).toMatchObject({ customerId: x.customerId, amountMinor: 59900n, method: 'bank_transfer', source: 'bank_statement', statementId: first.statementId, reference: 'A-1' });
    expect(payment.allocations.map((a) => [a.invoiceId, Number(a.amountMinor)])).toEqual([[x.invoiceId, 59900]]);
    expect((await sys.db.invoice.findUniqueOrThrow({ where: { id: x.invoiceId } })).status).toBe('paid');
    const audit = await sys.db.auditLog.findFirstOrThrow({ where: { action: 'statement.exception_resolved', entityId: String(open.lineId) } });
    expect(audit).toMatchObject({ actorType: 'operator', actorId: String(clerk.id), reason: 'phoned him' });
    // The clerk's decision is one customer's fact: it is not held for the statement and goes out first.
    expect(await sys.db.outboxMessage.findMany({ where: { workflowId: `billing-customer-${x.customerId}`, signal: 'paymentPosted' }, select: { lane: true, heldFor: true } }))
      .toEqual([{ lane: 0, heldFor: null }]);
    expect(await exceptionsOf(first.statementId)).toEqual([]);

    await sys.db.invoice.create({
      data: { number: `2026-8${x.customerId}`, customerId: x.customerId, period: '2026-05', issueDate: new Date('2026-05-01'), dueDate: new Date('2026-05-15'), currency: 'CZK', netMinor: 59900n, taxMinor: 0n, totalMinor: 59900n },
    });
    const next = await importCsv(csv(`04.05.2026;599,00;;0123456789/0300;Novák Petr;internet květen;A-2`), 'may-1.csv');
    const line = await sys.db.bankTransaction.findFirstOrThrow({ where: { statementId: next.statementId } });
    expect(line).toMatchObject({ state: 'matched', matchedBy: 'counter_account', customerId: x.customerId, matchKind: 'exact' });
  });

  it('finds customers by their reference as banks write it: without leading zeros, in any case, or as the specific symbol', async () => {
    const zeros = await customerWithInvoice(10000, '0077123');
    const letters = await customerWithInvoice(20000, 'net-77b');
    const bySs = await customerWithInvoice(30000, '770999');
    const { statementId } = await importCsv(csv(
      `07.04.2026;100,00;77123;;Dvořák;duben;Z-1`, `07.04.2026;5,00;0077123;;Dvořák;doplatek;Z-2`, `07.04.2026;200,00;NET-77B;;Malá;;Z-3`, `07.04.2026;300,00;;;Veselý;/VS/555/SS/770999/KS/0308;Z-4`,
    ), 'april-references.csv');
    const lines = await sys.db.bankTransaction.findMany({ where: { statementId }, orderBy: { lineNo: 'asc' }, select: { state: true, customerId: true, matchedBy: true } });
    expect(lines).toEqual([
      { state: 'matched', customerId: zeros.customerId, matchedBy: 'variable_symbol' },
      { state: 'matched', customerId: zeros.customerId, matchedBy: 'variable_symbol' },
      { state: 'matched', customerId: letters.customerId, matchedBy: 'variable_symbol' },
      { state: 'matched', customerId: bySs.customerId, matchedBy: 'specific_symbol' },
    ]);
  });

  it("books an ambiguous line the clerk assigns to the invoice the payer's message names", async () => {
    const other = await customerWithInvoice(45000);
    const payer = await customerWithInvoice(45000);
    const named = await sys.db.invoice.create({
      data: { number: `2026-7${payer.customerId}`, customerId: payer.customerId, period: '2026-05', issueDate: new Date('2026-05-01'), dueDate: new Date('2026-05-15'), currency: 'CZK', netMinor: 45000n, taxMinor: 0n, totalMinor: 45000n },
    });
    // The VS is the other customer's, the invoice number the payer's: matching guesses neither.
    const { statementId } = await importCsv(csv(`08.04.2026;450,00;${other.reference};;Pokorná;faktura ${named.number};M-1`), 'april-ambiguous.csv');
    const [open] = await exceptionsOf(statementId);
    expect(open).toMatchObject({ reason: 'ambiguous' });
    const resolved = await sys.call(clerk.key, 'POST', `/v1/statements/${statementId}/exceptions/${open.lineId}/resolve`, { action: 'assign', customerId: payer.customerId, note: 'her invoice, neighbour\'s VS' });
    expect(resolved.status).toBe(200);
    const allocations = await sys.db.paymentAllocation.findMany({ where: { paymentId: resolved.body.paymentId }, select: { invoiceId: true, amountMinor: true } });
    expect(allocations).toEqual([{ invoiceId: named.id, amountMinor: 45000n }]);
  });

  it('lets the clerk mark an outgoing line refund-pending or ignore a line, but only once and only with a reason', async () => {
    const { statementId } = await importCsv(csv(`06.04.2026;-250,00;;;Vrácení přeplatku;refund;B-1`, `06.04.2026;10,00;;;Banka;úrok;B-2`), 'april-2.csv');
    const [outgoing, interest] = await exceptionsOf(statementId);
    expect([outgoing.reason, interest.reason]).toEqual(['outgoing', 'unknown_reference']);
    const resolve = (lineId: number, body: unknown) => sys.call(clerk.key, 'POST', `/v1/statements/${statementId}/exceptions/${lineId}/resolve`, body);

    const noReason = await resolve(interest.lineId, { action: 'ignore' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].field).toBe('body.note');
    const x = await customerWithInvoice(100);
    const assignOutgoing = await resolve(outgoing.lineId, { action: 'assign', customerId: x.customerId });
    expect(assignOutgoing.status).toBe(400);
    expect(assignOutgoing.body.message).toBe('only incoming money can be assigned to a customer');

    expect((await resolve(outgoing.lineId, { action: 'refund_pending', note: 'refund to Nováková' })).body.state).toBe('refund_pending');
    expect((await resolve(interest.lineId, { action: 'ignore', note: 'bank interest' })).body.state).toBe('ignored');
    const twice = await resolve(interest.lineId, { action: 'ignore', note: 'again' });
    expect(twice.status).toBe(409);
    expect(await sys.db.payment.count({ where: { statementId } })).toBe(0);
    const all = (await sys.call(clerk.key, 'GET', `/v1/statements/${statementId}/exceptions?all=true`)).body.exceptions;
    expect(all.map((e: any) => [e.state, e.resolvedById, e.resolutionNote])).toEqual([['refund_pending', clerk.id, 'refund to Nováková'], ['ignored', clerk.id, 'bank interest']]);
  });

  it("ignores a month of bank fees in one request, or the lines the clerk picked, all or none, each line audited", async () => {
    const { statementId } = await importCsv(csv(
      `03.04.2026;-35,00;;;Banka;poplatek za vedení;F-1`, `04.04.2026;15,00;;;Neznámý;?;U-1`, `05.04.2026;-35,00;;;Banka;poplatek za výpis;F-2`, `06.04.2026;20,00;;;Neznámý;?;U-2`,
    ), 'april-fees.csv');
    const open = await exceptionsOf(statementId);
    expect(open.map((e: any) => e.reason)).toEqual(['outgoing', 'unknown_reference', 'outgoing', 'unknown_reference']);
    const dismiss = (body: unknown) => sys.call(clerk.key, 'POST', `/v1/statements/${statementId}/exceptions/resolve`, body);

    const neither = await dismiss({ action: 'ignore', note: 'fees' });
    expect([neither.status, neither.body.issues[0].field]).toEqual([400, 'body.lineIds']);
    // While matching still runs, "every outgoing line" is not known yet.
    await sys.db.bankStatement.update({ where: { id: statementId }, data: { status: 'staged' } });
    const early = await dismiss({ action: 'ignore', reason: 'outgoing', note: 'April bank fees' });
    expect([early.status, early.body.message]).toEqual([409, `statement ${statementId} is still being reconciled; dismiss by reason once it is reconciled, or name the lines`]);
    await sys.db.bankStatement.update({ where: { id: statementId }, data: { status: 'reconciled' } });
    const fees = await dismiss({ action: 'ignore', reason: 'outgoing', note: 'April bank fees' });
    expect(fees.status).toBe(200);
    expect(fees.body).toEqual({ resolved: 2, lineIds: [open[0].lineId, open[2].lineId] });
    expect((await exceptionsOf(statementId)).map((e: any) => e.lineNo)).toEqual([open[1].lineNo, open[3].lineNo]);

    // One line already handled (or from another statement) and nothing in the request changes.
    const mixed = await dismiss({ action: 'refund_pending', lineIds: [open[1].lineId, open[0].lineId], note: 'send back' });
    expect(mixed.status).toBe(409);
    expect(mixed.body.message).toBe(`not open exceptions: line ${open[0].lineNo} is ignored`);
    const foreign = await dismiss({ action: 'refund_pending', lineIds: [open[1].lineId, 999_999], note: 'send back' });
    expect([foreign.status, foreign.body.issues[0].field]).toEqual([400, 'body.lineIds']);
    expect((await exceptionsOf(statementId)).length).toBe(2);

    const picked = await dismiss({ action: 'refund_pending', lineIds: [open[1].lineId, open[3].lineId], note: 'send back' });
    expect(picked.body.resolved).toBe(2);
    expect(await exceptionsOf(statementId)).toEqual([]);
    const audits = await sys.db.auditLog.findMany({ where: { action: 'statement.exception_resolved', entityId: { in: open.map((e: any) => String(e.lineId)) } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.entityId, a.actorId, a.reason])).toEqual([
      [String(open[0].lineId), String(clerk.id), 'April bank fees'], [String(open[2].lineId), String(clerk.id), 'April bank fees'],
      [String(open[1].lineId), String(clerk.id), 'send back'], [String(open[3].lineId), String(clerk.id), 'send back'],
    ]);
    expect(await sys.db.payment.count({ where: { statementId } })).toBe(0);
    const support = await sys.operatorKey('support');
    expect((await sys.call(support.key, 'POST', `/v1/statements/${statementId}/exceptions/resolve`, { action: 'ignore', reason: 'outgoing', note: 'x' })).status).toBe(403);
  });

  it('refuses a CSV already imported for another bank account, instead of booking its lines a second time', async () => {
    const x = await customerWithInvoice(12300);
    const body = csv(`11.04.2026;123,00;${x.reference};;Horák;;W-1`);
    await importCsv(body, 'april-11.csv');
    const other = await sys.call(clerk.key, 'POST', '/v1/bank-accounts', { name: 'KB CZK', account: 'CZ6501000000001234567899', currency: 'CZK', csvMapping: MAPPING });
    const statements = await sys.db.bankStatement.count();
    const again = await uploadStatement(sys, clerk.key, body, 'april-11-kb.csv', { accountId: String(other.body.id) });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(new RegExp(`^this file was already imported as statement \\d+ for bank account ${accountId}, not ${other.body.id}$`));
    expect(await sys.db.bankStatement.count()).toBe(statements);
    expect(await sys.db.payment.count({ where: { customerId: x.customerId } })).toBe(1);
  });

  it('imports overlapping exports without booking a shared line twice, even identical lines without a bank reference', async () => {
    const x = await customerWithInvoice(100000);
    const twin = `10.04.2026;300,00;${x.reference};19-2000145399/0800;Dvořák;;`;
    const first = await importCsv(csv(twin, twin), 'april-10.csv');
    expect(first.upload).toMatchObject({ imported: 2, alreadyKnown: 0 });
    expect(await sys.db.payment.count({ where: { customerId: x.customerId } })).toBe(2);

    const overlapping = await importCsv(csv(twin, twin, `11.04.2026;400,00;${x.reference};19-2000145399/0800;Dvořák;;`), 'april-10-11.csv');
    expect(overlapping.upload).toMatchObject({ lines: 3, imported: 1, alreadyKnown: 2 });
    expect(overlapping.summary).toMatchObject({ matched: 1, matchedAmount: 40000 });
    const payments = await sys.db.payment.findMany({ where: { customerId: x.customerId }, orderBy: { id: 'asc' } });
    expect(payments.map((p) => Number(p.amountMinor))).toEqual([30000, 30000, 40000]);
    expect((await sys.db.invoice.findUniqueOrThrow({ where: { id: x.invoiceId } })).status).toBe('paid');
  });

  it('reports a line the bank lists twice as a duplicate once, not again on every overlapping import', async () => {
    const x = await customerWithInvoice(20000);
    const line = `14.04.2026;200,00;${x.reference};;Dvořák;;D-1`;
    const first = await importCsv(csv(line, line), 'april-14.csv');
    expect(first.summary).toMatchObject({ matched: 1, exceptions: { duplicate: 1 } });
    const [duplicate] = await exceptionsOf(first.statementId);
    expect(duplicate).toMatchObject({ lineNo: 3, reason: 'duplicate', detail: 'same line as line 2 of this statement', candidates: [{ customerId: x.customerId }] });

    const overlapping = await importCsv(csv(line, line, `15.04.2026;1,00;${x.reference};;Dvořák;;D-2`), 'april-14-15.csv');
    expect(overlapping.upload).toMatchObject({ imported: 1, alreadyKnown: 2 });
    expect(overlapping.summary.exceptions).toEqual({});
    expect(await sys.db.payment.count({ where: { customerId: x.customerId } })).toBe(2);
  });

  it('shows statements to support read-only and hides them from resellers', async () => {
    const support = await sys.operatorKey('support');
    const reseller = await sys.operatorKey('reseller');
    const { statementId } = await importCsv(csv(`12.04.2026;1,00;;;Neznámý;;C-1`), 'april-12.csv');
    const [line] = await exceptionsOf(statementId, support.key);
    expect(line.reason).toBe('unknown_reference');
    expect((await sys.call(support.key, 'POST', `/v1/statements/${statementId}/exceptions/${line.lineId}/resolve`, { action: 'ignore', note: 'x' })).status).toBe(403);
    expect((await sys.call(reseller.key, 'GET', `/v1/statements/${statementId}`)).status).toBe(403);
    expect((await uploadStatement(sys, support.key, csv(), 'x.csv', { accountId })).status).toBe(403);
  });
});
