import { offsetAt } from '../domain/dunning/zoned-time';
import { looksLikeFormula } from './payment-export-columns';

// One SpreadsheetML worksheet, written row by row. Text goes in inline strings, so
// there is no shared-strings table to build (and hold in memory) before the sheet.

export type SheetCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** Major units as exact decimal text ("1234.50"), shown with the amount format. */
  | { kind: 'amount'; decimal: string }
  /** An Excel serial date-time (see excelSerial), shown with the date-time format. */
  | { kind: 'dateTime'; serial: number }
  | null;

export interface SheetColumn {
  header: string;
  /** In characters; dates need about 19 or Excel shows ####. */
  width: number;
}

/** Indexes into cellXfs of styles.xml (see xlsx-file.ts). */
export const STYLE = { amount: 1, dateTime: 2, header: 3, quotedText: 4 } as const;

const NAMESPACES = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
// Characters XML 1.0 cannot carry, plus CR (a parser would turn it into LF).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREPRESENTABLE = /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]/g;
// Literal text that looks like an escape must have its underscore escaped in turn.
const LOOKS_ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)/g;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Anything sheetText would change; most names and references have none of it.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPING = /[&<>"\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|_x/;

/** ST_Xstring: control characters travel as _xHHHH_, which Excel turns back into the character. */
export function sheetText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const escaped = text
    .replace(LOOKS_ESCAPED, '_x005F_')
    .replace(UNREPRESENTABLE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return xmlEscape(escaped);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569; // 1970-01-01 as days since 1899-12-30
// Asking Intl for the offset is the slow part of a date cell, and an export repeats it a
// million times; zones change offset at most once an hour, so each UTC hour is asked once.
const hourOffsets = new Map<string, Map<number, number>>();

function offsetMs(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let zone = hourOffsets.get(timeZone);
  if (zone === undefined) hourOffsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = offsetAt(hour * HOUR_MS, timeZone);
    // The clocks changed within this hour: no one offset for it, ask for the instant itself.
    if (offset !== offsetAt((hour + 1) * HOUR_MS - 1000, timeZone)) return offsetAt(epochMs, timeZone);
    if (zone.size >= 100_000) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** Days since 1899-12-30 on the wall clock of `timeZone` (Excel's serial date-time). */
export function excelSerial(instant: Date, timeZone: string): number {
  return excelSerialMs(instant.getTime(), timeZone);
}

/** excelSerial of an instant given as epoch milliseconds. */
export function excelSerialMs(ms: number, timeZone: string): number {
  return (ms + offsetMs(ms, timeZone)) / DAY_MS + EPOCH_SERIAL;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a spreadsheet number must be finite, got ${value}`);
  return String(value);
}

const styleAttr = (id: number | undefined) => (id === undefined ? '' : ` s="${id}"`);

function cellXml(cell: SheetCell, ref: string, style: number | undefined): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      // An inline string is text already; quotePrefix keeps "=1+1" text when someone edits the cell, with no apostrophe shown.
      return `<c r="${ref}"${styleAttr(style ?? (looksLikeFormula(cell.value) ? STYLE.quotedText : undefined))} t="inlineStr"><is><t xml:space="preserve">${sheetText(cell.value)}</t></is></c>`;
    case 'number':
      return `<c r="${ref}"${styleAttr(style)}><v>${numberText(cell.value)}</v></c>`;
    case 'amount':
      if (!DECIMAL.test(cell.decimal)) throw new RangeError(`not a decimal amount: ${JSON.stringify(cell.decimal)}`);
      return `<c r="${ref}"${styleAttr(style ?? STYLE.amount)}><v>${cell.decimal}</v></c>`;
    case 'dateTime':
      return `<c r="${ref}"${styleAttr(style ?? STYLE.dateTime)}><v>${numberText(cell.serial)}</v></c>`;
  }
}

const COLUMN_NAMES = Array.from({ length: 64 }, (_, i) => columnName(i));

/** One <row>; `style` overrides every cell's own (the header row is bold text). */
export function rowXml(rowNumber: number, cells: readonly SheetCell[], style?: number): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(cells[i]!, `${COLUMN_NAMES[i] ?? columnName(i)}${rowNumber}`, style);
  return `${xml}</row>`;
}

/**
 * xl/worksheets/sheet1.xml as text chunks: a bold, frozen header row, then one chunk
 * per page of rows, so memory holds one page however many rows there are.
 */
export async function* worksheetXml(columns: readonly SheetColumn[], pages: AsyncIterable<readonly (readonly SheetCell[])[]>): AsyncGenerator<string> {
  const widths = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const header = rowXml(1, columns.map((c) => ({ kind: 'text', value: c.header })), STYLE.header);
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<worksheet ${NAMESPACES}><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + `<cols>${widths}</cols><sheetData>${header}`;
  let rowNumber = 1;
  for await (const rows of pages) {
    let chunk = '';
    for (const cells of rows) chunk += rowXml(++rowNumber, cells);
    yield chunk;
  }
  yield '</sheetData></worksheet>';
}
