import type { PaymentLogFilter } from '../data/payment-log';
import type { Db } from '../infra/prisma';
import { csvPages } from '../data/payment-csv-pages';
import { decimalAmount, neutraliseFormula, PAYMENT_EXPORT_COLUMNS } from './payment-export-columns';

export { decimalAmount };

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would evaluate gets a leading apostrophe;
 * numbers we format ourselves are left alone so a negative stays a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * The payment log as CSV text chunks, one chunk per page of rows (Postgres writes them,
 * see data/payment-csv-pages.ts). Starts with a UTF-8
 * byte order mark because Excel otherwise reads Bengali and Czech names as mojibake.
 */
export async function* paymentCsv(db: Db, filter: PaymentLogFilter): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(PAYMENT_EXPORT_COLUMNS.map((c) => c.name))}`;
  yield* csvPages(db, PAYMENT_EXPORT_COLUMNS, filter);
}
