// Statements arrive as one string or Buffer. These readers walk it in place, decoding
// one line or one chunk at a time, so a 100k-line file never exists a second time as a
// whole decoded string or an array of lines.
import { StringDecoder } from 'node:string_decoder';
import { StatementFormatError } from './statement-format-error';
import { StatementFormat } from './statement-line';
import { CodePage, decodeCodePage } from './code-pages';
import { TextEncoding } from './text-encoding';

export type { TextEncoding } from './text-encoding';

export interface TextLine {
  lineNo: number;
  text: string;
}

const BOM = '\uFEFF';
const REPLACEMENT = '\uFFFD';
const CHUNK_CHARS = 64 * 1024;

function stripBom(text: string, first: boolean): string {
  return first && text.startsWith(BOM) ? text.slice(1) : text;
}

// Bytes that are not UTF-8 decode to U+FFFD; importing them would store mangled names,
// and the usual cause is a Windows-1250 file read with the wrong encoding.
function rejectUndecodable(format: StatementFormat, text: string, lineNo?: number): void {
  if (text.includes(REPLACEMENT)) {
    throw new StatementFormatError(format, { lineNo }, 'text is not valid UTF-8; is the file Windows-1250 encoded?');
  }
}

/** Lines without their terminator (LF or CRLF), numbered from 1. A final empty line after the last LF is not yielded. */
export function* textLines(format: StatementFormat, input: string | Buffer, encoding: TextEncoding = 'utf-8'): Generator<TextLine> {
  const length = input.length;
  let start = 0;
  let lineNo = 0;
  while (start < length) {
    let end = typeof input === 'string' ? input.indexOf('\n', start) : input.indexOf(0x0a, start);
    const next = end === -1 ? length : end + 1;
    if (end === -1) end = length;
    // LF never occurs inside a UTF-8 multi-byte sequence or as a code-page byte, so per-line decoding is exact.
    let text =
      typeof input === 'string'
        ? input.slice(start, end)
        : encoding === 'utf-8'
          ? input.toString('utf8', start, end)
          : decodeCodePage(encoding, input, start, end);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    lineNo++;
    if (typeof input !== 'string' && encoding === 'utf-8') rejectUndecodable(format, text, lineNo);
    yield { lineNo, text: stripBom(text, lineNo === 1) };
    start = next;
  }
}

/** Decoded chunks of at most ~64k characters; multi-byte UTF-8 sequences are never split. */
export function* textChunks(format: StatementFormat, input: string | Buffer, encoding: TextEncoding = 'utf-8'): Generator<string> {
  let first = true;
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += CHUNK_CHARS) {
      yield stripBom(input.slice(i, i + CHUNK_CHARS), first);
      first = false;
    }
    return;
  }
  const decoder = encoding === 'utf-8' ? new StringDecoder('utf8') : undefined;
  let linesBefore = 0;
  // The error names the line of the first undecodable byte, counted across chunks.
  const check = (text: string): void => {
    const bad = text.indexOf(REPLACEMENT);
    if (bad !== -1) rejectUndecodable(format, text, linesBefore + text.slice(0, bad).split('\n').length);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) linesBefore++;
  };
  for (let i = 0; i < input.length; i += CHUNK_CHARS) {
    const end = Math.min(i + CHUNK_CHARS, input.length);
    const text = decoder ? decoder.write(input.subarray(i, end)) : decodeCodePage(encoding as CodePage, input, i, end);
    if (decoder) check(text);
    yield stripBom(text, first);
    first = false;
  }
  const rest = decoder?.end();
  if (rest) {
    check(rest);
    yield rest;
  }
}
