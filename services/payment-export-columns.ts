import { formatMinor } from '../domain/money';

// The columns of every payment export (CSV, XLSX), typed so each format can write an
// amount or a date its own way: CSV as text, a spreadsheet as a number it can sum.
// Each column is named in SQL over the log query's tables (p payments, c customers,
// o operators); both exports read their rows with COPY (data/payment-export-query.ts).

export interface ExportColumn {
  name: string;
  kind: 'text' | 'integer' | 'amount' | 'instant';
  sql: string;
}

// Spreadsheets run a cell that starts with one of these as a formula (=cmd|' /C calc'!A0).
const FORMULA_START = /^[-=+@\t\r]/;
// Where a spreadsheet may start a cell inside our text: after the comma we split on, or
// the `;` (the Czech default), tab or `|` it may choose instead, or a line break it sees
// outside our quotes once it splits elsewhere. Not space: "500 - 100" is an ordinary note.
const INNER_CELL_START = /[\n\r,;\t|](?=[-=+@\t\r])/g;

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/**
 * CSV has no cell types: wherever a cell that would be evaluated could start in the text,
 * an apostrophe goes first, so it stays text whichever separator the spreadsheet picks.
 */
export function neutraliseFormula(text: string): string {
  const inner = text.replace(INNER_CELL_START, "$&'");
  return looksLikeFormula(inner) ? `'${inner}` : inner;
}

/** 123450 → "1234.50": major units with the currency exponent 2, no currency code. */
export function decimalAmount(amountMinor: number): string {
  return formatMinor(amountMinor, '').trimEnd();
}

const text = (name: string, sql: string): ExportColumn => ({ name, kind: 'text', sql });
const integer = (name: string, sql: string): ExportColumn => ({ name, kind: 'integer', sql });
const amount = (name: string, sql: string): ExportColumn => ({ name, kind: 'amount', sql });
const instant = (name: string, sql: string): ExportColumn => ({ name, kind: 'instant', sql });

export const PAYMENT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  integer('payment_id', 'p.id'),
  instant('recorded_at', 'p.recorded_at'),
  instant('received_at', 'p.received_at'),
  integer('customer_id', 'p.customer_id'),
  text('customer_name', 'c.name'),
  text('username', 'c.username'),
  amount('amount', 'p.amount_minor'),
  integer('amount_minor', 'p.amount_minor'),
  text('currency', 'p.currency'),
  text('method', 'p.method::text'),
  text('source', 'p.source::text'),
  // toLogEntry's collectedBy, as the page shows it: who took the cash, which gateway or bank statement.
  text('operator', `coalesce(o.name, p.gateway, 'bank statement ' || p.statement_id, p.source::text)`),
  integer('operator_id', 'p.operator_id'),
  text('reference', 'p.reference'),
  text('note', 'p.note'),
  instant('reversed_at', 'p.reversed_at'),
  text('reversal_reason', 'p.reversal_reason'),
];
