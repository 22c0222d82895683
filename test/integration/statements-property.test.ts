// Property check of booking in Postgres: random open invoices, random statements, random
// batch sizes. Whatever the batching, the database must end exactly where the pure matcher
// says one pass over the statement ends, and every minor unit must be accounted for.
import { stageStatement } from '../../data/statement-staging';
import { accountMatchKey, matchStatementLines, type MatchCandidate, type StatementLine } from '../../domain/statements';
import { reconcileNextBatch } from '../../services/statements/reconcile-batch.service';
import { statementSummary } from '../../services/statements/statement-summary.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AMOUNTS = [39900, 49900, 59900, 120000];
const SHARED_ACCOUNT = '19-2000145399/0800';

describe('booking random statements in Postgres', () => {
  let t: TestDatabase;
  beforeAll(async () => (t = await createTestDatabase()));
  afterAll(() => t?.drop());

  it.each([1, 2, 3, 4, 5, 6])('seed %i: batches book what one pass of the matcher decides, to the minor unit', async (seed) => {
    const random = seededRandom(seed);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
    const db = t.db;
    await db.$executeRawUnsafe('truncate payment_allocations, payments, bank_transactions, bank_statements, bank_accounts, known_counter_accounts, invoices, outbox, customers restart identity cascade');

    const candidates: MatchCandidate[] = [];
    for (let c = 1; c <= int(3, 10); c++) {
      const customer = await db.customer.create({ data: { username: `p${c}`, name: `P ${c}`, paymentReference: String(4000 + c), currency: 'CZK' } });
      const openInvoices = [];
      for (let i = 1; i <= int(0, 3); i++) {
        const amount = pick(AMOUNTS);
        const invoice = await db.invoice.create({
          data: { number: `2026-${c}-${i}`, customerId: customer.id, period: `2026-0${i}`, issueDate: new Date(`2026-0${i}-01`), dueDate: new Date(`2026-0${i}-15`), currency: 'CZK', netMinor: BigInt(amount), taxMinor: 0n, totalMinor: BigInt(amount) },
        });
        openInvoices.push({ id: String(invoice.id), number: invoice.number, dueDate: `2026-0${i}-15`, outstandingMinor: amount });
      }
      const knownCounterAccounts = c <= 2 ? [SHARED_ACCOUNT] : [];
      for (const account of knownCounterAccounts) await db.knownCounterAccount.create({ data: { accountKey: accountMatchKey(account), customerId: customer.id } });
      candidates.push({ customerId: String(customer.id), paymentReference: customer.paymentReference, knownCounterAccounts, openInvoices, totalDueMinor: openInvoices.reduce((s, i) => s + i.outstandingMinor, 0) });
    }

    const lines: StatementLine[] = [];
    for (let n = 1; n <= int(5, 60); n++) {
      const roll = random();
      const previous = lines.length > 0 && roll < 0.05 ? pick(lines) : undefined;
      if (previous) {
        lines.push({ ...previous, lineNo: n });
        continue;
      }
      const who = pick(candidates);
      const amount = roll < 0.1 ? -pick(AMOUNTS) : roll < 0.13 ? 0 : roll < 0.6 ? pick([...who.openInvoices.map((i) => i.outstandingMinor), who.totalDueMinor, 100]) : int(1, 200000);
      const vs = roll > 0.9 ? String(9000 + n) : roll > 0.85 ? undefined : who.paymentReference;
      lines.push({ lineNo: n, bookingDate: '2026-03-02', amountMinor: amount, currency: 'CZK', variableSymbol: vs, counterAccount: vs ? undefined : SHARED_ACCOUNT, bankReference: `B${seed}-${n}`, identity: `ref:acct:B${seed}-${n}` });
    }

    const account = await db.bankAccount.create({ data: { name: 'A', account: '2900123456/2010', accountKey: '2900123456/2010', currency: 'CZK' } });
    const staged = await db.$transaction((tx) => stageStatement(tx, { bankAccountId: account.id, format: 'csv', fileName: 'p.csv', fileSha256: `p${seed}`, header: { accountNumber: '2900123456/2010', currency: 'CZK' }, lines, importedBy: 'test' }));
    for (let more = true, cursor = 0; more; ) {
      const batch = await reconcileNextBatch(db, staged.statementId, int(1, 7), cursor, 'property-test');
      [more, cursor] = [batch.more, batch.lastLineNo];
    }

    const expected = matchStatementLines(lines, candidates);
    const rows = await db.bankTransaction.findMany({ where: { statementId: staged.statementId }, include: { payment: { include: { allocations: true } } }, orderBy: { lineNo: 'asc' } });
    expect(rows.map((r) => r.lineNo)).toEqual(lines.map((l) => l.lineNo));
    for (const [i, o] of expected.outcomes.entries()) {
      const row = rows[i]!;
      if (o.kind === 'exception') {
        expect([o.lineNo, row.state, row.exceptionReason, row.paymentId]).toEqual([o.lineNo, 'exception', o.reason, null]);
      } else {
        expect([o.lineNo, row.state, row.matchKind, String(row.customerId), Number(row.payment?.amountMinor)]).toEqual([o.lineNo, 'matched', o.kind, o.customerId, o.amountMinor]);
        expect(row.payment!.allocations.map((a) => [String(a.invoiceId), Number(a.amountMinor)])).toEqual(o.allocations.map((a) => [a.invoiceId, a.appliedMinor]));
      }
    }

    const summary = (await statementSummary(db, staged.statementId))!;
    const s = expected.summary;
    expect(summary.money).toEqual({
      incoming: s.incomingAmountMinor, allocated: s.matchedAmountMinor, credit: s.creditMinor, notBooked: s.exceptionAmountMinor + s.duplicateAmountMinor,
    });
    const overpaid = await db.$queryRaw<unknown[]>`
      select i.id from invoices i join payment_allocations a on a.invoice_id = i.id group by i.id having sum(a.amount_minor) > i.total_minor or min(a.amount_minor) <= 0`;
    expect(overpaid).toEqual([]);
    const wrongStatus = await db.$queryRaw<unknown[]>`
      select i.id from invoices i left join payment_allocations a on a.invoice_id = i.id group by i.id
      having i.status::text <> case when coalesce(sum(a.amount_minor), 0) = i.total_minor then 'paid' when coalesce(sum(a.amount_minor), 0) > 0 then 'partially_paid' else 'issued' end`;
    expect(wrongStatus).toEqual([]);
  });
});
