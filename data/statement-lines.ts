import type { StatementLine } from '../domain/statements';
import type { Db } from '../infra/prisma';
import type { StoredLine } from './statement-booking';
import { isRepeatIdentity } from './statement-staging';

type Tx = Pick<Parameters<Parameters<Db['$transaction']>[0]>[0], '$queryRaw'>;

export interface PendingLine extends StoredLine {
  line: StatementLine;
  counterAccount: string | null;
  /** A repeat of an earlier line of the same file: never booked, only reported as a duplicate. */
  repeat: { detail: string } | null;
}

interface Row {
  id: number; line_no: number; identity: string; booking_date: Date; amount_minor: bigint; currency: string;
  variable_symbol: string | null; specific_symbol: string | null; constant_symbol: string | null;
  counter_account: string | null; counter_name: string | null; message: string | null; bank_reference: string | null; detail: string | null;
}

const toLine = (r: Row): PendingLine => {
  const bookingDate = r.booking_date.toISOString().slice(0, 10);
  const identity = r.identity;
  const line: StatementLine = {
    lineNo: r.line_no, bookingDate, amountMinor: Number(r.amount_minor), currency: r.currency.trim(), identity,
    variableSymbol: r.variable_symbol ?? undefined, specificSymbol: r.specific_symbol ?? undefined, constantSymbol: r.constant_symbol ?? undefined,
    counterAccount: r.counter_account ?? undefined, counterName: r.counter_name ?? undefined, message: r.message ?? undefined, bankReference: r.bank_reference ?? undefined,
  };
  return {
    id: r.id, lineNo: r.line_no, identity, bookingDate, currency: line.currency, bankReference: r.bank_reference,
    variableSymbol: r.variable_symbol, counterName: r.counter_name, message: r.message, counterAccount: r.counter_account, line,
    repeat: isRepeatIdentity(r.identity) ? { detail: r.detail ?? 'same line as an earlier line of this statement' } : null,
  };
};

/**
 * The statement's next unmatched lines in file order after a cursor. The statement row is
 * locked rather than its lines (one row instead of thousands, each a write): a second
 * attempt at the same batch (a retried activity) waits here, then finds the batch's stored
 * result (statement_batches) instead of booking anything again.
 * Only exception lines are ever locked one by one, by their resolution.
 */
export async function claimPendingLines(tx: Tx, statementId: number, limit: number, afterLineNo = 0): Promise<PendingLine[]> {
  await tx.$queryRaw`select id from bank_statements where id = ${statementId} for no key update`;
  const rows = await tx.$queryRaw<Row[]>`
    select id, line_no, identity, booking_date, amount_minor, currency, variable_symbol, specific_symbol, constant_symbol,
           counter_account, counter_name, message, bank_reference, detail
      from bank_transactions
     where statement_id = ${statementId} and line_no > ${afterLineNo} and state = 'pending'
     order by line_no limit ${limit}`;
  return rows.map(toLine);
}

/** One exception line of a statement, row-locked for its resolution. */
export async function lockStatementLine(tx: Tx, statementId: number, lineId: number): Promise<(PendingLine & { state: string; amountMinor: number }) | undefined> {
  const rows = await tx.$queryRaw<Array<Row & { state: string }>>`
    select id, line_no, identity, booking_date, amount_minor, currency, variable_symbol, specific_symbol, constant_symbol,
           counter_account, counter_name, message, bank_reference, detail, state::text
      from bank_transactions where statement_id = ${statementId} and id = ${lineId} for update`;
  const row = rows[0];
  return row ? { ...toLine(row), state: row.state, amountMinor: Number(row.amount_minor) } : undefined;
}
