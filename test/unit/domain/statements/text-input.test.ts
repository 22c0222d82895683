import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { textChunks, textLines } from '../../../../domain/statements/text-input';

const lines = (input: string | Buffer, encoding?: 'utf-8' | 'windows-1250') => [...textLines('csv', input, encoding)];

describe('textLines', () => {
  it('splits LF and CRLF, numbers from 1 and drops only a final empty line', () => {
    const expected = [
      { lineNo: 1, text: 'a' },
      { lineNo: 2, text: '' },
      { lineNo: 3, text: 'c' },
    ];
    expect(lines('a\r\n\nc\r\n')).toEqual(expected);
    expect(lines(Buffer.from('a\n\r\nc'))).toEqual(expected);
    expect(lines('')).toEqual([]);
  });

  it('strips a byte-order mark from the first line only', () => {
    expect(lines(Buffer.from('\uFEFFa\n\uFEFFb'))).toEqual([
      { lineNo: 1, text: 'a' },
      { lineNo: 2, text: '\uFEFFb' },
    ]);
  });

  it('decodes UTF-8 and Windows-1250 line by line', () => {
    expect(lines(Buffer.from('Dvořák\nJiří'))).toEqual([{ lineNo: 1, text: 'Dvořák' }, { lineNo: 2, text: 'Jiří' }]);
    expect(lines(Buffer.from([0x44, 0x76, 0x6f, 0xf8, 0xe1, 0x6b, 0x0d, 0x0a]), 'windows-1250')).toEqual([{ lineNo: 1, text: 'Dvořák' }]);
  });

  it('rejects bytes that are not UTF-8, naming the line', () => {
    expect(() => lines(Buffer.from([0x61, 0x0a, 0x44, 0xf8, 0x0a]))).toThrow(
      new StatementFormatError('csv', { lineNo: 2 }, 'text is not valid UTF-8; is the file Windows-1250 encoded?'),
    );
  });
});

describe('textChunks', () => {
  it('never splits a multi-byte character across chunks', () => {
    const text = `${'a'.repeat(65_535)}řž${'b'.repeat(70_000)}ы`;
    const chunks = [...textChunks('camt053', Buffer.from(text))];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(text);
    expect(chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
  });

  it('strips the byte-order mark and decodes Windows-1250', () => {
    expect([...textChunks('gpc', Buffer.from([0xef, 0xbb, 0xbf, 0x61]))]).toEqual(['a']);
    expect([...textChunks('gpc', Buffer.from([0x8a, 0x9e]), 'windows-1250')].join('')).toBe('Šž');
    expect([...textChunks('gpc', '\uFEFFabc')]).toEqual(['abc']);
  });

  it('rejects undecodable UTF-8', () => {
    expect(() => [...textChunks('camt053', Buffer.from([0x3c, 0xff, 0x3e]))]).toThrow('not valid UTF-8');
  });
});
