// Guesses the format of an uploaded statement from its first few kilobytes, so the
// import screen can pick a parser. Only ASCII markers are inspected, which every
// supported encoding writes identically.
import { StatementFormat } from './statement-line';

const SNIFF_BYTES = 4096;
// SWIFT transmissions wrap messages in SOH … ETX.
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const LEADING_CONTROLS = /^[\x00-\x08\x0B\x0C\x0E-\x1F]+/;
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const BINARY = /[\x00-\x08\x0E-\x1A\x1C-\x1F]|^%PDF|^PK/;

export function detectFormat(input: Buffer | string): StatementFormat | undefined {
  const head = (typeof input === 'string' ? input.slice(0, SNIFF_BYTES) : input.subarray(0, SNIFF_BYTES).toString('latin1'))
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '')
    .replace(LEADING_CONTROLS, '')
    .trimStart();
  if (head.startsWith('<')) return /BkToCstmrStmt|camt\.053/.test(head) ? 'camt053' : undefined;
  const firstLine = head.split(/\r?\n/, 1)[0];
  if (/^074\d{16}/.test(firstLine)) return 'gpc';
  if (/^\{1:/.test(head) || (/(^|\n):20:/.test(head) && /\n:25:/.test(head))) return 'mt940';
  if (looksTabular(head)) return 'csv';
  return undefined;
}

// A spreadsheet, PDF or archive has a delimiter somewhere too, and so has a letter or a
// JSON document; a CSV export is text whose first rows split into the same number of fields.
function looksTabular(head: string): boolean {
  if (BINARY.test(head) || /^[{[<]/.test(head)) return false;
  const rows = head.split(/\r?\n/).slice(0, 3).filter((row) => row.trim() !== '').map((row) => row.replace(/"[^"]*"/g, '""'));
  if (rows.length === 0) return false;
  return [';', ',', '\t', '|'].some((delimiter) => {
    const counts = rows.map((row) => row.split(delimiter).length - 1);
    return counts[0] > 0 && (rows.length === 1 || counts[1] === counts[0] || head.length === SNIFF_BYTES);
  });
}
