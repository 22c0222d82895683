import { csvCell, csvLine, decimalAmount } from '../../../services/payment-csv';

describe('CSV cells for the payment export', () => {
  it.each([
    ['=cmd()', `"'=cmd()"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTAB', `"'\tTAB"`],
    ['\r=1', "\"'\r'=1\""],
  ])('neutralises formula start %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks and doubles inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it('quotes all text, and neutralises a formula after any separator a spreadsheet may split on', () => {
    expect(csvCell('a;=1+1;')).toBe(`"a;'=1+1;"`);
    expect(csvCell('b\t=2+2|@3,-4\n+5')).toBe(`"b\t'=2+2|'@3,'-4\n'+5"`);
    expect(csvCell(';\t=1')).toBe(`";'\t'=1"`);
    expect(csvCell('paid 500 - 100')).toBe('"paid 500 - 100"');
    expect(csvCell('Rahim Uddin')).toBe('"Rahim Uddin"');
  });

  it('leaves plain text unchanged inside its quotes, and numbers and empties bare', () => {
    expect(csvCell('রহিম')).toBe('"রহিম"');
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('joins a line with CRLF', () => {
    expect(csvLine(['x', 1, null, '=1'])).toBe(`"x",1,,"'=1"\r\n`);
  });

  it('prints minor units as major units with two decimals', () => {
    expect(decimalAmount(123450)).toBe('1234.50');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(100)).toBe('1.00');
  });
});
