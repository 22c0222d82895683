import { CsvColumnMapping, parseCsvStatement } from '../../../../domain/statements/csv-statement';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { expectation, fixtureBytes, parseFixture } from './fixture-files';

const mapping: CsvColumnMapping = {
  delimiter: ',',
  decimalSeparator: '.',
  dateFormat: 'MM/DD/YYYY',
  hasHeader: true,
  columns: { date: 'Date', amount: 'Amount', currency: 'Currency', variableSymbol: 'Ref', message: 'Details' },
};

function parse(text: string, overrides: Partial<CsvColumnMapping> = {}, currency?: string) {
  return parseCsvStatement(text, { account: '1051100012345', currency, mapping: { ...mapping, ...overrides } });
}

function rejection(text: string, overrides: Partial<CsvColumnMapping> = {}, currency?: string): StatementFormatError {
  try {
    parse(text, overrides, currency);
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFormatError);
    return error as StatementFormatError;
  }
  throw new Error('expected the statement to be rejected');
}

describe.each(['csv-cz-fio-2026-04', 'csv-bd-bkash-2026-02'])('parseCsvStatement fixture %s', (name) => {
  const expected = expectation(name);
  const parsed = parseFixture(expected);

  it('reads the header from the options', () => {
    expect(parsed.header).toEqual(expected.header);
  });

  it.each(expected.lines!.map((line) => [line.lineNo, line] as const))('reads the record at line %i exactly', (lineNo, line) => {
    expect(parsed.lines.find((l) => l.lineNo === lineNo)).toEqual(line);
  });

  it('returns exactly the expected lines', () => {
    expect(parsed.lines).toEqual(expected.lines);
  });

  it('reads the text the same as the bytes', () => {
    expect(parseFixture(expected, fixtureBytes(expected.file).toString('utf8'))).toEqual(parsed);
  });
});

describe('parseCsvStatement', () => {
  it('reads US dates, grouped amounts and quoted delimiters; the header may sit anywhere', () => {
    const text = 'Date,Amount,Currency,Ref,Details\r\n02/03/2026,"1,234.50",BDT,20101,"Rahim, internet"\r\n02/04/2026,-0.5,BDT,,"VS 20102"\r\n';
    expect(parse(text).lines.map(({ identity: _identity, ...line }) => line)).toEqual([
      { lineNo: 2, bookingDate: '2026-02-03', amountMinor: 123450, currency: 'BDT', variableSymbol: '20101', message: 'Rahim, internet' },
      { lineNo: 3, bookingDate: '2026-02-04', amountMinor: -50, currency: 'BDT', variableSymbol: '20102', message: 'VS 20102' },
    ]);
  });

  it('reads a file without header by column index', () => {
    const parsed = parse('2026-02-03;1 500,00;Dvořák Jiří\n', { hasHeader: false, delimiter: ';', decimalSeparator: ',', dateFormat: 'YYYY-MM-DD', columns: { date: 0, amount: 1, counterName: 2 } }, 'CZK');
    expect(parsed.lines).toEqual([expect.objectContaining({ lineNo: 1, amountMinor: 150000, currency: 'CZK', counterName: 'Dvořák Jiří' })]);
  });

  it('rejects a line in another currency, naming it', () => {
    const text = 'Date,Amount,Currency,Ref,Details\n02/03/2026,10.00,BDT,1,\n02/03/2026,10.00,BDT,2,\n02/03/2026,10.00,USD,3,\n';
    const error = rejection(text);
    expect(error.reason).toBe('multiple currencies: line 4 is USD, statement is BDT');
    expect(error.lineNo).toBe(4);
    expect(rejection('Date,Amount,Currency,Ref,Details\n02/03/2026,10.00,USD,1,\n', {}, 'BDT').reason).toBe('multiple currencies: line 2 is USD, account is BDT');
  });

  it.each([
    ['a missing header column', 'Date,Sum\n', {}, "column 'Amount' is not in the header", 1],
    ['a named column without header', '1,2\n', { hasHeader: false }, "column 'Date' is named", undefined],
    ['a bad date', 'Date,Amount,Currency,Ref,Details\n13/01/2026,1.00,BDT\n', {}, "'13/01/2026' is not a valid date", 2],
    ['a date in another pattern', 'Date,Amount,Currency,Ref,Details\n2026-01-13,1.00,BDT\n', {}, "'2026-01-13' is not a date in the expected form", 2],
    ['too many decimals', 'Date,Amount,Currency,Ref,Details\n01/13/2026,1.005,BDT\n', {}, 'more than 2 decimal places', 2],
    ['misplaced grouping', 'Date,Amount,Currency,Ref,Details\n01/13/2026,"12,34.00",BDT\n', {}, "misplaced ',' grouping", 2],
    ['an empty amount', 'Date,Amount,Currency,Ref,Details\n01/13/2026,,BDT\n', {}, 'amount is empty', 2],
    ['a short record', 'Date,Amount,Currency,Ref,Details\n01/13/2026\n', {}, 'record has 1 fields, the amount column is field 2', 2],
    ['no currency at all', 'Date,Amount\n01/13/2026,1.00\n', { columns: { date: 'Date', amount: 'Amount' } }, 'no currency column', 2],
    ['an unterminated quote', 'Date,Amount,Currency,Ref,Details\n01/13/2026,"1.00,BDT\n', {}, 'never closed', 2],
    ['a bad delimiter', 'x', { delimiter: ';;' }, 'delimiter must be one character', undefined],
  ])('rejects %s', (_name, text, overrides, reason, lineNo) => {
    const error = rejection(text, overrides as Partial<CsvColumnMapping>);
    expect(error.reason).toContain(reason);
    expect(error.lineNo).toBe(lineNo);
  });
});
