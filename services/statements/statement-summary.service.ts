import { releaseHeldSignals } from '../../data/outbox';
import type { Db } from '../../infra/prisma';
import { statementSignalHold } from './reconciliation-start';

export interface StatementSummary {
  statementId: number;
  status: string;
  lines: number;
  imported: number;
  alreadyKnown: number;
  matched: number;
  /** Incoming money booked automatically (allocated + credit), in minor units. */
  matchedAmount: number;
  pending: number;
  exceptions: Record<string, number>;
  /** Incoming money still waiting for a clerk. */
  exceptionAmount: number;
  resolved: { assigned: number; ignored: number; refund_pending: number };
  /** Of all incoming money on the stored lines: allocated to invoices, kept as credit, or not booked. */
  money: { incoming: number; allocated: number; credit: number; notBooked: number };
}

/** Totals derived from the stored lines and payments, never from counters. */
export async function statementSummary(db: Pick<Db, '$queryRaw'>, statementId: number): Promise<StatementSummary | undefined> {
  const [head] = await db.$queryRaw<Array<{ status: string; line_count: number; imported_count: number; already_known: number }>>`
    select status::text, line_count, imported_count, already_known from bank_statements where id = ${statementId}`;
  if (!head) return undefined;
  const states = await db.$queryRaw<Array<{ state: string; reason: string | null; n: bigint; incoming: bigint }>>`
    select state::text, exception_reason as reason, count(*) as n, coalesce(sum(greatest(amount_minor, 0)), 0)::bigint as incoming
      from bank_transactions where statement_id = ${statementId} group by 1, 2`;
  const [money] = await db.$queryRaw<Array<{ paid: bigint; allocated: bigint }>>`
    select coalesce(sum(p.amount_minor), 0)::bigint as paid,
           coalesce((select sum(a.amount_minor) from payment_allocations a join payments q on q.id = a.payment_id where q.statement_id = ${statementId}), 0)::bigint as allocated
      from payments p where p.statement_id = ${statementId} and p.reversed_at is null`;
  const summary: StatementSummary = {
    statementId, status: head.status, lines: head.line_count, imported: head.imported_count, alreadyKnown: head.already_known,
    matched: 0, matchedAmount: 0, pending: 0, exceptions: {}, exceptionAmount: 0, resolved: { assigned: 0, ignored: 0, refund_pending: 0 },
    money: { incoming: 0, allocated: Number(money!.allocated), credit: Number(money!.paid - money!.allocated), notBooked: 0 },
  };
  for (const s of states) {
    const n = Number(s.n);
    const incoming = Number(s.incoming);
    summary.money.incoming += incoming;
    if (s.state === 'matched') {
      summary.matched += n;
      summary.matchedAmount += incoming;
    } else if (s.state === 'pending') summary.pending += n;
    else if (s.state === 'exception') {
      summary.exceptions[s.reason ?? 'unknown'] = (summary.exceptions[s.reason ?? 'unknown'] ?? 0) + n;
      if (s.reason !== 'outgoing' && s.reason !== 'duplicate') summary.exceptionAmount += incoming;
    } else summary.resolved[s.state as keyof StatementSummary['resolved']] += n;
  }
  summary.money.notBooked = summary.money.incoming - summary.money.allocated - summary.money.credit;
  return summary;
}

/** Marks the statement reconciled, keeps the summary it ended with and lets its customers' signals go. */
export async function finishStatement(db: Db, statementId: number): Promise<StatementSummary> {
  return db.$transaction(async (tx) => {
    const summary = await statementSummary(tx, statementId);
    if (!summary) throw new Error(`statement ${statementId} does not exist`);
    await tx.bankStatement.update({
      where: { id: statementId },
      data: { status: 'reconciled', reconciledAt: new Date(), summary: JSON.parse(JSON.stringify(summary)) },
    });
    await releaseHeldSignals(tx, statementSignalHold(statementId));
    return { ...summary, status: 'reconciled' };
  }, { timeout: 120_000, maxWait: 10_000 });
}
