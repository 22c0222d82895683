import { formatMinor } from '../domain/money';
import type { PaymentLogEntry } from './payment-log.service';

// The columns of every payment export (CSV, XLSX), typed so each format can write an
// amount or a date its own way: CSV as text, a spreadsheet as a number it can sum.
// Each column hands out the raw value, and names it in SQL over the log query's tables
// (p payments, c customers, o operators) for the CSV export, which Postgres formats.

type Column<K extends string, T> = { name: string; kind: K; sql: string; get(p: PaymentLogEntry): T };
export type ExportColumn =
  | Column<'text', string | null>
  | Column<'integer', number | null>
  | Column<'amount', number>
  | Column<'instant', Date | null>;

// Spreadsheets run a cell that starts with one of these as a formula (=cmd|' /C calc'!A0).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would evaluate gets a leading apostrophe, so it stays text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** 123450 → "1234.50": major units with the currency exponent 2, no currency code. */
export function decimalAmount(amountMinor: number): string {
  return formatMinor(amountMinor, '').trimEnd();
}

type Get<T> = (p: PaymentLogEntry) => T;
const text = (name: string, sql: string, get: Get<string | null>): ExportColumn => ({ name, kind: 'text', sql, get });
const integer = (name: string, sql: string, get: Get<number | null>): ExportColumn => ({ name, kind: 'integer', sql, get });
const amount = (name: string, sql: string, get: Get<number>): ExportColumn => ({ name, kind: 'amount', sql, get });
const instant = (name: string, sql: string, get: Get<Date | null>): ExportColumn => ({ name, kind: 'instant', sql, get });

export const PAYMENT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  integer('payment_id', 'p.id', (p) => p.id),
  instant('recorded_at', 'p.recorded_at', (p) => p.recordedAt),
  instant('received_at', 'p.received_at', (p) => p.receivedAt),
  integer('customer_id', 'p.customer_id', (p) => p.customerId),
  text('customer_name', 'c.name', (p) => p.customerName),
  text('username', 'c.username', (p) => p.username),
  amount('amount', 'p.amount_minor', (p) => p.amountMinor),
  integer('amount_minor', 'p.amount_minor', (p) => p.amountMinor),
  text('currency', 'p.currency', (p) => p.currency),
  text('method', 'p.method::text', (p) => p.method),
  text('source', 'p.source::text', (p) => p.source),
  // toLogEntry's collectedBy: who took the cash, or which gateway processed it.
  text('operator', 'coalesce(o.name, p.gateway, p.source::text)', (p) => p.collectedBy),
  integer('operator_id', 'p.operator_id', (p) => p.operatorId),
  text('reference', 'p.reference', (p) => p.reference),
  text('note', 'p.note', (p) => p.note),
  instant('reversed_at', 'p.reversed_at', (p) => p.reversedAt),
  text('reversal_reason', 'p.reversal_reason', (p) => p.reversalReason),
];
