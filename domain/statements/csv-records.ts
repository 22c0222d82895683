// RFC 4180-style records from text lines: a delimiter, double-quoted fields with ""
// escapes, and quoted fields that span lines. Record numbers are the physical line the
// record starts on, so an error points where a person would look in the file.
import { StatementFormatError } from './statement-format-error';
import { TextLine } from './text-input';

export interface CsvRecord {
  lineNo: number;
  fields: string[];
}

const QUOTE = '"';

export function* csvRecords(lines: Iterable<TextLine>, delimiter: string): Generator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let quoted = false;
  let startLine = 0;
  for (const { lineNo, text } of lines) {
    if (inQuotes) field += '\n';
    else {
      fields = [];
      field = '';
      afterQuote = false;
      quoted = false;
      startLine = lineNo;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inQuotes) {
        if (c !== QUOTE) field += c;
        else if (text[i + 1] === QUOTE) {
          field += QUOTE;
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (afterQuote) {
        if (c.trim() !== '') throw new StatementFormatError('csv', { lineNo }, `unexpected '${c}' after a closing quote`);
      } else if (c === QUOTE && field.trim() === '') {
        inQuotes = true;
        quoted = true;
        field = '';
      } else field += c;
    }
    if (inQuotes) continue;
    fields.push(field);
    // A blank line is no record; a line holding only "" is one empty field.
    if (quoted || fields.length > 1 || fields[0].trim() !== '') yield { lineNo: startLine, fields };
  }
  if (inQuotes) throw new StatementFormatError('csv', { lineNo: startLine }, 'a quoted field opened here is never closed');
}
