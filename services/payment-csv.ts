import type { PaymentLogFilter } from '../data/payment-log';
import { formatMinor } from '../domain/money';
import type { Db } from '../infra/prisma';
import { allPayments, type PaymentLogEntry } from './payment-log.service';

// Spreadsheets run a cell that starts with one of these as a formula (=cmd|' /C calc'!A0).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would evaluate gets a leading apostrophe;
 * numbers we format ourselves are left alone so a negative stays a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** 123450 → "1234.50": major units with the currency exponent 2, no currency code. */
export function decimalAmount(amountMinor: number): string {
  return formatMinor(amountMinor, '').trimEnd();
}

const COLUMNS: ReadonlyArray<[string, (p: PaymentLogEntry) => string | number | null]> = [
  ['payment_id', (p) => p.id],
  ['recorded_at', (p) => p.recordedAt.toISOString()],
  ['received_at', (p) => p.receivedAt.toISOString()],
  ['customer_id', (p) => p.customerId],
  ['customer_name', (p) => p.customerName],
  ['username', (p) => p.username],
  ['amount', (p) => decimalAmount(p.amountMinor)],
  ['amount_minor', (p) => p.amountMinor],
  ['currency', (p) => p.currency],
  ['method', (p) => p.method],
  ['source', (p) => p.source],
  ['operator', (p) => p.collectedBy],
  ['operator_id', (p) => p.operatorId],
  ['reference', (p) => p.reference],
  ['note', (p) => p.note],
  ['reversed_at', (p) => p.reversedAt?.toISOString() ?? null],
  ['reversal_reason', (p) => p.reversalReason],
];

/**
 * The payment log as CSV text chunks, one chunk per page of rows. Starts with a UTF-8
 * byte order mark because Excel otherwise reads Bengali and Czech names as mojibake.
 */
export async function* paymentCsv(db: Db, filter: PaymentLogFilter): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(COLUMNS.map(([name]) => name))}`;
  for await (const page of allPayments(db, filter)) {
    yield page.map((p) => csvLine(COLUMNS.map(([, value]) => value(p)))).join('');
  }
}
