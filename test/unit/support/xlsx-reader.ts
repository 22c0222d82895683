// Reads back the workbooks we write: every part must be well-formed XML, and the sheet
// comes out as rows of cells with their type, style and the number format that style uses.
import { XmlTokenizer } from '../../../domain/statements/xml-tokenizer';
import { readZip } from './zip-reader';

export interface CellRead {
  ref: string;
  /** 'inlineStr' for text; undefined for a number. */
  type: string | undefined;
  style: number;
  text?: string;
  value?: number;
}

export interface WorkbookRead {
  /** Every part, by name, as text. */
  parts: Map<string, string>;
  /** Sheet rows in order; a cell the writer left out is undefined. */
  rows: Array<Array<CellRead | undefined>>;
  /** The format code a cell's style applies ('General' when none). */
  formatOf(cell: CellRead): string;
}

type Handler = { open(name: string, attrs: Readonly<Record<string, string>>): void; text?(t: string): void; close?(name: string): void };

function parseXml(xml: string, handler: Handler): void {
  const tokenizer = new XmlTokenizer({ text: () => undefined, close: () => undefined, ...handler });
  tokenizer.write(xml);
  tokenizer.end();
}

function columnIndex(ref: string): number {
  return [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function readSheet(xml: string): WorkbookRead['rows'] {
  const rows: WorkbookRead['rows'] = [];
  let cell: CellRead | undefined;
  let into: 'text' | 'value' | undefined;
  let buffer = '';
  parseXml(xml, {
    open(name, attrs) {
      if (name === 'row') rows.push([]);
      if (name === 'c') cell = { ref: attrs.r!, type: attrs.t, style: Number(attrs.s ?? 0) };
      if (name === 't' || name === 'v') [into, buffer] = [name === 't' ? 'text' : 'value', ''];
    },
    text(t) {
      if (into) buffer += t;
    },
    close(name) {
      if (name === 't' && cell) cell.text = buffer;
      if (name === 'v' && cell) cell.value = Number(buffer);
      if (name === 't' || name === 'v') into = undefined;
      if (name === 'c' && cell) rows.at(-1)![columnIndex(cell.ref)] = cell;
    },
  });
  return rows;
}

function readFormats(stylesXml: string): (style: number) => string {
  const codes = new Map<number, string>([[0, 'General']]);
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(stylesXml, {
    open(name, attrs) {
      if (name === 'numFmt') codes.set(Number(attrs.numFmtId), attrs.formatCode!);
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return (style) => codes.get(xfFormats[style]!) ?? `built-in ${xfFormats[style]}`;
}

export function readXlsx(file: Buffer): WorkbookRead {
  const parts = new Map(readZip(file).map((e) => [e.name, e.data.toString('utf8')]));
  for (const [name, xml] of parts) {
    try {
      parseXml(xml, { open: () => undefined });
    } catch (err) {
      throw new Error(`${name} is not well-formed: ${String(err)}`);
    }
  }
  const formats = readFormats(parts.get('xl/styles.xml') ?? '');
  return { parts, rows: readSheet(parts.get('xl/worksheets/sheet1.xml') ?? ''), formatOf: (cell) => formats(cell.style) };
}
