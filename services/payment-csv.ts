import type { PaymentLogFilter } from '../data/payment-log';
import type { Db } from '../infra/prisma';
import { decimalAmount, neutraliseFormula, PAYMENT_EXPORT_COLUMNS, type ExportValue } from './payment-export-columns';
import { allPayments } from './payment-log.service';

export { decimalAmount };

/**
 * One RFC 4180 field. Text that a spreadsheet would evaluate gets a leading apostrophe;
 * numbers we format ourselves are left alone so a negative stays a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvValue(v: ExportValue): string | number | null {
  switch (v.kind) {
    case 'text':
    case 'integer':
      return v.value;
    case 'amount':
      return decimalAmount(v.minor);
    case 'instant':
      return v.value?.toISOString() ?? null;
  }
}

/**
 * The payment log as CSV text chunks, one chunk per page of rows. Starts with a UTF-8
 * byte order mark because Excel otherwise reads Bengali and Czech names as mojibake.
 */
export async function* paymentCsv(db: Db, filter: PaymentLogFilter): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(PAYMENT_EXPORT_COLUMNS.map((c) => c.name))}`;
  for await (const page of allPayments(db, filter)) {
    yield page.map((p) => csvLine(PAYMENT_EXPORT_COLUMNS.map((c) => csvValue(c.value(p))))).join('');
  }
}
