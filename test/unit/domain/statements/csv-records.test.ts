import { csvRecords } from '../../../../domain/statements/csv-records';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { textLines } from '../../../../domain/statements/text-input';

const records = (text: string, delimiter = ';') => [...csvRecords(textLines('csv', text), delimiter)];

describe('csvRecords', () => {
  it('splits on the delimiter and keeps empty fields', () => {
    expect(records('a;b;;d\r\n;\r\n')).toEqual([
      { lineNo: 1, fields: ['a', 'b', '', 'd'] },
      { lineNo: 2, fields: ['', ''] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, numbering records by their first line', () => {
    expect(records('"x;y";"say ""hi""";"two\r\nlines"\r\nnext;1\r\n')).toEqual([
      { lineNo: 1, fields: ['x;y', 'say "hi"', 'two\nlines'] },
      { lineNo: 3, fields: ['next', '1'] },
    ]);
  });

  it('skips blank lines but not blank fields inside quotes', () => {
    expect(records('\r\na\r\n\r\n"\r\n"\r\n')).toEqual([
      { lineNo: 2, fields: ['a'] },
      { lineNo: 4, fields: ['\n'] },
    ]);
  });

  it('keeps a quote inside an unquoted field and tolerates spaces around quoted ones', () => {
    expect(records('5" cable; "x" ;y', ';')).toEqual([{ lineNo: 1, fields: ['5" cable', 'x', 'y'] }]);
  });

  it('rejects text after a closing quote and an unclosed quote', () => {
    expect(() => records('"a"b;c')).toThrow(new StatementFormatError('csv', { lineNo: 1 }, "unexpected 'b' after a closing quote"));
    expect(() => records('x\n"open;\nmore')).toThrow(new StatementFormatError('csv', { lineNo: 2 }, 'a quoted field opened here is never closed'));
  });
});
