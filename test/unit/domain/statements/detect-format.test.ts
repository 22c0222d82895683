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
