import { formatMinor } from '../domain/money';
import type { PaymentLogEntry } from './payment-log.service';

// The columns of every payment export (CSV, XLSX), typed so each format can write an
// amount or a date its own way: CSV as text, a spreadsheet as a number it can sum.

export type ExportValue =
  | { kind: 'text'; value: string | null }
  | { kind: 'integer'; value: number | null }
  | { kind: 'amount'; minor: number }
  | { kind: 'instant'; value: Date | null };

export interface ExportColumn {
  name: string;
  kind: ExportValue['kind'];
  value(p: PaymentLogEntry): ExportValue;
}

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

const text = (name: string, get: (p: PaymentLogEntry) => string | null): ExportColumn =>
  ({ name, kind: 'text', value: (p) => ({ kind: 'text', value: get(p) }) });
const integer = (name: string, get: (p: PaymentLogEntry) => number | null): ExportColumn =>
  ({ name, kind: 'integer', value: (p) => ({ kind: 'integer', value: get(p) }) });
const amount = (name: string, get: (p: PaymentLogEntry) => number): ExportColumn =>
  ({ name, kind: 'amount', value: (p) => ({ kind: 'amount', minor: get(p) }) });
const instant = (name: string, get: (p: PaymentLogEntry) => Date | null): ExportColumn =>
  ({ name, kind: 'instant', value: (p) => ({ kind: 'instant', value: get(p) }) });

export const PAYMENT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  integer('payment_id', (p) => p.id),
  instant('recorded_at', (p) => p.recordedAt),
  instant('received_at', (p) => p.receivedAt),
  integer('customer_id', (p) => p.customerId),
  text('customer_name', (p) => p.customerName),
  text('username', (p) => p.username),
  amount('amount', (p) => p.amountMinor),
  integer('amount_minor', (p) => p.amountMinor),
  text('currency', (p) => p.currency),
  text('method', (p) => p.method),
  text('source', (p) => p.source),
  text('operator', (p) => p.collectedBy),
  integer('operator_id', (p) => p.operatorId),
  text('reference', (p) => p.reference),
  text('note', (p) => p.note),
  instant('reversed_at', (p) => p.reversedAt),
  text('reversal_reason', (p) => p.reversalReason),
];
