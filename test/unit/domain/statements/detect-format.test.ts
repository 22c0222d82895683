import { detectFormat } from '../../../../domain/statements/detect-format';
import { fixtureBytes } from './fixture-files';

describe('detectFormat', () => {
  it.each([
    ['camt053-cz-2026-02.xml', 'camt053'],
    ['camt053-multi-currency.xml', 'camt053'],
    ['mt940-bd-2026-02.sta', 'mt940'],
    ['gpc-cz-2026-03.gpc', 'gpc'],
    ['csv-cz-fio-2026-04.csv', 'csv'],
    ['csv-bd-bkash-2026-02.csv', 'csv'],
  ])('recognises %s as %s', (file, format) => {
    expect(detectFormat(fixtureBytes(file))).toBe(format);
  });

  it('recognises MT940 without a SWIFT envelope and text input', () => {
    expect(detectFormat(':20:REF\r\n:25:123\r\n:28C:1\r\n')).toBe('mt940');
  });

  it('recognises nothing in other files', () => {
    expect(detectFormat(Buffer.from('<Document><BkToCstmrDbtCdtNtfctn/></Document>'))).toBeUndefined();
    expect(detectFormat('%PDF-1.7')).toBeUndefined();
    expect(detectFormat('')).toBeUndefined();
  });
});

describe('detectFormat of bank dialects', () => {
  it('sees MT940 behind control characters, a SWIFT envelope or a bank preamble', () => {
    expect(detectFormat('\x01{1:F01GIBACZPXAXXX0000000000}{2:I940GIBACZPXXXXXN}{4:\r\n:20:R\r\n:25:1\r\n')).toBe('mt940');
    expect(detectFormat('GIBACZPX\r\n940\r\n0000 01\r\n:940:\r\n:20:R\r\n:25:2010/2801234578\r\n')).toBe('mt940');
  });

  it('does not take a spreadsheet, PDF or archive for a CSV export', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04\x14\x00,;'))).toBeUndefined();
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x3b, 0x2c]))).toBeUndefined();
    expect(detectFormat('%PDF-1.7;,')).toBeUndefined();
  });
});

describe('detectFormat of files that are no statement', () => {
  it('takes a letter or a JSON document for nothing, not for a CSV export', () => {
    expect(detectFormat('Dear clerk, here is the statement, as promised, for March.\nRegards, Jan\nP.S. the file is attached')).toBeUndefined();
    expect(detectFormat('{"lines": [1, 2]}')).toBeUndefined();
    expect(detectFormat('date;amount\n01.04.2026;100,00\n')).toBe('csv');
    expect(detectFormat('date;amount\n')).toBe('csv');
  });
});
