import { binaryRows, int8At, timestampMsAt, type RowBatch } from '../data/copy-binary';
import { copyOut } from '../data/copy-out';
import type { PaymentLogFilter } from '../data/payment-log';
import { exportCopySql, typedColumnSql } from '../data/payment-export-query';
import { pgPool, type Db } from '../infra/prisma';
import { decimalAmount, PAYMENT_EXPORT_COLUMNS, type ExportColumn } from './payment-export-columns';
import { xlsxFile } from './xlsx-file';
import { excelSerialMs, type SheetCell } from './xlsx-sheet';

const WIDTH: Record<ExportColumn['kind'], number> = { text: 24, integer: 12, amount: 14, instant: 20 };
const KINDS = PAYMENT_EXPORT_COLUMNS.map((c) => c.kind);

/** The i-th field of the batch as a cell; Excel has no time zones, so instants are written as the wall-clock time in `timeZone`. */
function sheetCell({ buf, bounds }: RowBatch, i: number, kind: ExportColumn['kind'], timeZone: string): SheetCell {
  const start = bounds[2 * i]!;
  if (start < 0) return null;
  switch (kind) {
    case 'text':
      return { kind: 'text', value: buf.toString('utf8', start, bounds[2 * i + 1]) };
    case 'integer':
      return { kind: 'number', value: int8At(buf, start) };
    case 'amount':
      return { kind: 'amount', decimal: decimalAmount(int8At(buf, start)) };
    case 'instant':
      return { kind: 'dateTime', serial: excelSerialMs(timestampMsAt(buf, start), timeZone) };
  }
}

async function* sheetPages(rows: AsyncIterable<RowBatch>, timeZone: string): AsyncGenerator<SheetCell[][]> {
  const fields = KINDS.length;
  for await (const batch of rows) {
    const page: SheetCell[][] = new Array(batch.rows);
    for (let r = 0; r < batch.rows; r++) page[r] = KINDS.map((kind, f) => sheetCell(batch, r * fields + f, kind, timeZone));
    yield page;
  }
}

/**
 * The payment log as an .xlsx byte stream with the CSV export's columns, streamed from
 * COPY like the CSV. The query is prepared (its search looked up) before this returns.
 */
export async function paymentXlsx(db: Db, filter: PaymentLogFilter, timeZone: string): Promise<AsyncGenerator<Buffer>> {
  const copySql = await exportCopySql(db, filter, PAYMENT_EXPORT_COLUMNS.map(typedColumnSql).join(', '));
  const columns = PAYMENT_EXPORT_COLUMNS.map((c) => ({ header: c.name, width: WIDTH[c.kind] }));
  return xlsxFile('Payments', columns, sheetPages(binaryRows(copyOut(pgPool(db), copySql), KINDS.length), timeZone));
}
