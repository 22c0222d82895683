// Issue #13 item 6: random sequences of invoices, payments, overpayments, reversals and
// gateway webhooks through the real services against Postgres. After every step the
// statement, the invoices, receivables, the summary and the dunning facts must tell the
// same story to the minor unit, and credit never sits next to an open invoice.
// A failure prints fast-check's seed and path; BALANCE_SEED=<seed> replays that run.
import fc from 'fast-check';
import type { Caller } from '../../api/auth';
import { readCustomerFacts } from '../../data/customer-facts';
import { writeInvoices } from '../../data/invoice-writer';
import { localDate, addDays } from '../../domain/dunning/zoned-time';
import { customerStatement } from '../../services/customer-statement.service';
import { recordGatewayPayment } from '../../services/gateway-payment.service';
import { listInvoices } from '../../services/invoices.service';
import { receivablesReport } from '../../services/receivables-report.service';
import { recordPayment } from '../../services/record-payment.service';
import { reversePayment } from '../../services/reverse-payment.service';
import { summaryReport } from '../../services/summary-report.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TZ = 'Asia/Dhaka';
const CUSTOMERS = [{ currency: 'BDT' }, { currency: 'BDT' }, { currency: 'CZK' }] as const;
const BUCKETS = ['currentMinor', 'days1To30Minor', 'days31To60Minor', 'days61To90Minor', 'over90Minor'] as const;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// Few customers and small amounts, so payments meet the same invoices and amounts collide.
const who = fc.nat({ max: CUSTOMERS.length - 1 });
const amount = fc.integer({ min: 1, max: 1_000 });
const command = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('invoice' as const), who, amount, issuedDaysAgo: fc.nat({ max: 120 }), dueInDays: fc.integer({ min: -100, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pay' as const), who, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('overpay' as const), who, amount }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('webhook' as const), who, amount, redeliver: fc.boolean() }) },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

describe('every view of what customers owe agrees after any sequence of money events', () => {
  let t: TestDatabase;
  let caller: Caller;
  beforeAll(async () => {
    t = await createTestDatabase();
    const op = await t.db.operator.create({ data: { name: 'Property Admin', role: 'admin', apiKeyHash: 'x', apiKeyPrefix: 'stl_prop' } });
    caller = { operatorId: op.id, name: op.name, role: 'admin' };
  });
  afterAll(() => t?.drop());

  it('statement = Σ invoice outstanding − credit = receivables = summary = dunning facts, step by step', async () => {
    const today = localDate(new Date(), TZ);
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const seed = process.env.BALANCE_SEED === undefined ? undefined : Number(process.env.BALANCE_SEED);
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
      const db = t.db;
      await db.$executeRawUnsafe('truncate payment_allocations, payments, unmatched_gateway_payments, invoice_lines, invoices, invoice_number_series, outbox, customers restart identity cascade');
      const customers = await Promise.all(CUSTOMERS.map((c, i) =>
        db.customer.create({ data: { id: i + 1, username: `prop${i}`, name: `Prop ${i}`, paymentReference: String(9100 + i), currency: c.currency, timezone: TZ } })));
      const billed = customers.map(() => 0);
      const live: Array<{ paymentId: number; who: number; amountMinor: number }> = [];
      const webhooks: Array<{ transactionId: string; who: number; amountMinor: number }> = [];
      const actor = { type: 'operator' as const, id: caller.operatorId };

      for (const [step, cmd] of commands.entries()) {
        await run(cmd, step);
        await expectViewsAgree(step, cmd);
      }

      async function run(cmd: Command, step: number): Promise<void> {
        if (cmd.kind === 'invoice') {
          const c = customers[cmd.who]!;
          const issueDate = [addDays(today, -cmd.issuedDaysAgo), yearStart].sort().at(-1)!;
          const line = { kind: 'other', description: `step ${step}`, referenceId: null, periodStart: null, periodEnd: null, activeFrom: null, activeTo: null, daysUsed: null, daysInPeriod: null,
            quantity: 1, unitPriceMinor: cmd.amount, chargedMinor: cmd.amount, discountMinor: 0, taxMode: 'inclusive', taxRateBasisPoints: 0, netMinor: cmd.amount, taxMinor: 0, totalMinor: cmd.amount,
            subscriptionId: null, chargeId: null } as const;
          await writeInvoices(db, {
            month: `${2000 + step}-01`, issueDate, series: 'PROP', billingRunId: null,
            drafts: [{ customerId: c.id, currency: c.currency, invoice: { lines: [line], netMinor: cmd.amount, taxMinor: 0, totalMinor: cmd.amount, dueDate: [addDays(today, cmd.dueInDays), issueDate].sort().at(-1)! } }],
          });
          billed[cmd.who]! += cmd.amount;
        } else if (cmd.kind === 'pay' || cmd.kind === 'overpay') {
          const c = customers[cmd.who]!;
          const owed = sum((await listInvoices(db, caller, { customerId: c.id }, { after: 0, limit: 500 })).items.map((i) => i.outstandingMinor));
          const amountMinor = cmd.kind === 'pay' ? cmd.amount : owed + cmd.amount;
          const r = await recordPayment(db, actor, { customerId: c.id, amountMinor, currency: c.currency, method: 'cash', source: 'manual', receivedAt: new Date() });
          live.push({ paymentId: r.payment.id, who: cmd.who, amountMinor });
        } else if (cmd.kind === 'webhook') {
          const again = cmd.redeliver ? webhooks.find((w) => customers[w.who]!.currency === 'BDT') : undefined;
          const w = again ?? { transactionId: `TRX${step}`, who: cmd.who === 2 ? 0 : cmd.who, amountMinor: cmd.amount };
          const c = customers[w.who]!;
          const r = await recordGatewayPayment(db, 'bkash', { transactionId: w.transactionId, customerReference: c.paymentReference, amountMinor: w.amountMinor, currency: c.currency, paidAt: new Date() });
          expect(r.duplicate).toBe(again !== undefined);
          if (!again) {
            webhooks.push(w);
            live.push({ paymentId: r.paymentId!, who: w.who, amountMinor: w.amountMinor });
          }
        } else if (live.length > 0) {
          const [target] = live.splice(cmd.pick % live.length, 1);
          await reversePayment(db, actor, target!.paymentId, 'property test');
        }
      }

      async function expectViewsAgree(step: number, cmd: Command): Promise<void> {
        const at = `after step ${step} (${JSON.stringify(cmd)})`;
        const receivables = await receivablesReport(db, caller, { tz: TZ, after: 0, limit: 500 });
        const summary = await summaryReport(db, caller, { tz: TZ });
        const outstandingBy = new Map<string, number>();
        for (const [i, c] of customers.entries()) {
          const [statement, invoices, facts] = await Promise.all([
            customerStatement(db, caller, c.id),
            listInvoices(db, caller, { customerId: c.id }, { after: 0, limit: 500 }),
            readCustomerFacts(db, c.id),
          ]);
          const open = invoices.items.filter((inv) => inv.outstandingMinor > 0);
          const owed = sum(open.map((inv) => inv.outstandingMinor));
          const overdue = sum(open.filter((inv) => inv.dueDate < today).map((inv) => inv.outstandingMinor));
          const row = receivables.items.find((r) => r.customerId === c.id);
          const credit = row?.creditMinor ?? 0;
          const paid = sum(live.filter((p) => p.who === i).map((p) => p.amountMinor));
          // What the money says: billed minus payments standing. Owed if positive, credit if negative, never both.
          const balance = billed[i]! - paid;
          const views = {
            statement: statement.outstandingMinor, statementLastEntry: statement.entries.at(-1)?.balanceMinor ?? 0, receivables: row?.outstandingMinor ?? 0,
            invoicesOwed: owed, agingOwed: row ? sum(BUCKETS.map((b) => row[b])) : 0, dunningOwed: facts!.overdueMinor, credit,
          };
          const owes = Math.max(balance, 0);
          const expected = { statement: balance, statementLastEntry: balance, receivables: balance, invoicesOwed: owes, agingOwed: owes, dunningOwed: owes, credit: owes - balance };
          expect({ at, customer: c.id, ...views }).toEqual({ at, customer: c.id, ...expected });
          expect({ at, overdue: row ? row.outstandingMinor + credit - row.currentMinor : 0, unpaid: facts!.unpaidInvoices, oldest: facts!.oldestUnpaidDueDate })
            .toEqual({ at, overdue, unpaid: open.length, oldest: open.map((inv) => inv.dueDate).sort()[0] ?? null });
          outstandingBy.set(c.currency, (outstandingBy.get(c.currency) ?? 0) + statement.outstandingMinor);
        }
        for (const [currency, outstanding] of outstandingBy) {
          const total = receivables.totals.find((x) => x.currency === currency);
          const invoiced = summary.year.invoiced.find((x) => x.currency === currency)?.amountMinor ?? 0;
          const collected = summary.year.collected.find((x) => x.currency === currency)?.amountMinor ?? 0;
          expect({ at, currency, receivables: total?.outstandingMinor ?? 0, summary: invoiced - collected }).toEqual({ at, currency, receivables: outstanding, summary: outstanding });
        }
      }
    }), { numRuns: 30, seed, interruptAfterTimeLimit: 45_000 });
  }, 120_000);
});
