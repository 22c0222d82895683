// Guesses the format of an uploaded statement from its first few kilobytes, so the
// import screen can pick a parser. Only ASCII markers are inspected, which every
// supported encoding writes identically.
import { StatementFormat } from './statement-line';

const SNIFF_BYTES = 4096;

export function detectFormat(input: Buffer | string): StatementFormat | undefined {
  const head = (typeof input === 'string' ? input.slice(0, SNIFF_BYTES) : input.subarray(0, SNIFF_BYTES).toString('latin1'))
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '')
    .trimStart();
  if (head.startsWith('<')) return /BkToCstmrStmt|camt\.053/.test(head) ? 'camt053' : undefined;
  const firstLine = head.split(/\r?\n/, 1)[0];
  if (/^074\d{16}/.test(firstLine)) return 'gpc';
  if (/^\{1:/.test(head) || (/(^|\n):20:/.test(head) && /\n:25:/.test(head))) return 'mt940';
  if (/[;,\t|]/.test(firstLine)) return 'csv';
  return undefined;
}
