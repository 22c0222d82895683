import type { StatementFormat, StatementHeader, StatementLine } from '../domain/statements';
import type { Db } from '../infra/prisma';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface StageInput {
  bankAccountId: number;
  format: StatementFormat;
  fileName: string;
  fileSha256: string;
  header: StatementHeader;
  lines: readonly StatementLine[];
  importedBy: string;
}

export interface StagedStatement {
  statementId: number;
  /** True when this very file was imported before; nothing new was stored. */
  sameFile: boolean;
  /** The account the statement belongs to: for the same file imported before, the account it was imported for. */
  bankAccountId: number;
  lines: number;
  imported: number;
  alreadyKnown: number;
}

const CHUNK = 5000;

/**
 * Stores a parsed statement and its new lines in the caller's transaction. A line whose
 * identity is already stored (this file again, or an overlapping statement) is skipped by
 * the unique key, so concurrent imports of overlapping files cannot both keep it.
 */
export async function stageStatement(tx: Tx, input: StageInput): Promise<StagedStatement> {
  const previous = await tx.bankStatement.findUnique({ where: { fileSha256: input.fileSha256 } });
  if (previous) return { statementId: previous.id, sameFile: true, bankAccountId: previous.bankAccountId, lines: previous.lineCount, imported: 0, alreadyKnown: previous.lineCount };

  const { header } = input;
  const [statement] = await tx.bankStatement.createManyAndReturn({
    data: [{
      bankAccountId: input.bankAccountId, format: input.format, fileName: input.fileName, fileSha256: input.fileSha256,
      bankStatementRef: header.statementId, fromDate: header.from ? new Date(header.from) : null, toDate: header.to ? new Date(header.to) : null,
      lineCount: input.lines.length, importedCount: 0, alreadyKnown: 0, importedBy: input.importedBy,
    }],
    skipDuplicates: true,
  });
  // A concurrent import of the same file won the unique key: report its statement.
  if (!statement) return stageStatement(tx, input);

  let imported = 0;
  const firstLineOf = new Map<string, number>();
  const repeatCount = new Map<string, number>();
  for (let start = 0; start < input.lines.length; start += CHUNK) {
    const chunk = input.lines.slice(start, start + CHUNK);
    // A line repeated inside one file (same bank reference) is stored under a derived identity,
    // so an overlapping re-import recognises the repeat too; matching reports it as a duplicate.
    const repeats = chunk.map((l) => {
      const first = firstLineOf.get(l.identity);
      if (first === undefined) firstLineOf.set(l.identity, l.lineNo);
      return first;
    });
    const identities = chunk.map((l, i) => (repeats[i] === undefined ? l.identity : repeatIdentity(l.identity, (repeatCount.get(l.identity) ?? 0) + 1, repeatCount)));
    const details = repeats.map((first) => (first === undefined ? null : `same line as line ${first} of this statement`));
    const col = <K extends keyof StatementLine>(key: K) => chunk.map((l) => (l[key] ?? null) as StatementLine[K] | null);
    const inserted = await tx.$executeRaw`
      insert into bank_transactions (statement_id, line_no, identity, booking_date, amount_minor, currency, variable_symbol, specific_symbol,
                                     constant_symbol, counter_account, counter_name, message, bank_reference, detail)
      select ${statement.id}, t.line_no, t.identity, t.booking_date, t.amount_minor, t.currency, t.vs, t.ss, t.ks, t.counter_account, t.counter_name, t.message, t.bank_reference, t.detail
        from unnest(${col('lineNo')}::int[], ${identities}::text[], ${col('bookingDate')}::date[], ${chunk.map((l) => String(l.amountMinor))}::bigint[],
                    ${col('currency')}::text[], ${col('variableSymbol')}::text[], ${col('specificSymbol')}::text[], ${col('constantSymbol')}::text[],
                    ${col('counterAccount')}::text[], ${col('counterName')}::text[], ${col('message')}::text[], ${col('bankReference')}::text[], ${details}::text[])
             as t(line_no, identity, booking_date, amount_minor, currency, vs, ss, ks, counter_account, counter_name, message, bank_reference, detail)
      on conflict (identity) do nothing`;
    imported += inserted;
  }
  const alreadyKnown = input.lines.length - imported;
  await tx.bankStatement.update({ where: { id: statement.id }, data: { importedCount: imported, alreadyKnown } });
  return { statementId: statement.id, sameFile: false, bankAccountId: input.bankAccountId, lines: input.lines.length, imported, alreadyKnown };
}

const REPEAT = /#repeat-\d+$/;

function repeatIdentity(identity: string, ordinal: number, counts: Map<string, number>): string {
  counts.set(identity, ordinal);
  return `${identity}#repeat-${ordinal}`;
}

/** True for the stored identity of a line that repeats an earlier line of its file. */
export const isRepeatIdentity = (identity: string) => REPEAT.test(identity);
