import type { PaymentLogFilter } from '../data/payment-log';
import { binaryRows, type RowBatch } from '../data/copy-binary';
import { copyOut } from '../data/copy-out';
import { csvLineSql } from '../data/payment-csv-sql';
import { exportCopySql } from '../data/payment-export-query';
import { pgPool, type Db } from '../infra/prisma';
import { decimalAmount, neutraliseFormula, PAYMENT_EXPORT_COLUMNS } from './payment-export-columns';

export { decimalAmount };

/**
 * One RFC 4180 field. Text is always quoted: a spreadsheet may split on `;` (the Czech
 * default), a tab or a space, and only quotes keep `a;=1+1` one cell whichever it picks.
 * Text that would be evaluated gets a leading apostrophe; numbers we format ourselves are
 * left bare so a negative stays a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * The lines of one batch (one text field per row) laid end to end, moved down over the
 * framing in the batch's own buffer: each line only moves towards the start, and a fresh
 * buffer per chunk would be a second copy of the whole export for the collector to chase.
 */
function joinedLines({ buf, rows, bounds }: RowBatch): Buffer {
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const start = bounds[2 * r]!;
    const end = bounds[2 * r + 1]!;
    if (start < 0) throw new Error('the CSV line query returned NULL');
    buf.copyWithin(at, start, end);
    at += end - start;
  }
  return buf.subarray(0, at);
}

async function* csvBytes(db: Db, copySql: string): AsyncGenerator<Buffer> {
  // A UTF-8 byte order mark, because Excel otherwise reads Bengali and Czech names as mojibake.
  yield Buffer.from(`\uFEFF${csvLine(PAYMENT_EXPORT_COLUMNS.map((c) => c.name))}`, 'utf8');
  for await (const batch of binaryRows(copyOut(pgPool(db), copySql), 1)) yield joinedLines(batch);
}

/**
 * The payment log as CSV bytes: Postgres writes every line (data/payment-csv-sql.ts) and
 * streams them with COPY; we only strip the framing. The query is prepared (its search
 * looked up) before this returns, so a failure there is an error response, not a cut file.
 */
export async function paymentCsv(db: Db, filter: PaymentLogFilter): Promise<AsyncGenerator<Buffer>> {
  return csvBytes(db, await exportCopySql(db, filter, `${csvLineSql(PAYMENT_EXPORT_COLUMNS)} as line`));
}
