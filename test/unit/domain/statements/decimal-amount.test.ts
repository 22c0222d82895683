import { hundredthsToMinor, negate, parseDecimalMinor } from '../../../../domain/statements/decimal-amount';
import { FieldFormatError } from '../../../../domain/statements/statement-format-error';

const dot = { decimalSeparator: '.' } as const;
const commaGrouped = { decimalSeparator: ',', allowGrouping: true } as const;

describe('parseDecimalMinor', () => {
  it.each([
    ['0.29', 2, dot, 29],
    ['1234.5', 2, dot, 123450],
    ['7', 2, dot, 700],
    ['-0.01', 2, dot, -1],
    ['+12.00', 2, dot, 1200],
    ['12.340', 2, dot, 1234],
    ['1 234,56', 2, commaGrouped, 123456],
    ['1.234.567,8', 2, commaGrouped, 123456780],
    ['−1\u00A0500,00', 2, commaGrouped, -150000],
    ['1500', 0, dot, 1500],
    ['1.234', 3, dot, 1234],
    ['-0.00', 2, dot, 0],
    ['10000000000.00', 2, dot, 1000000000000],
  ] as const)('%s with %i decimals → %i', (text, exponent, syntax, minor) => {
    expect(Object.is(parseDecimalMinor(text, exponent, syntax), minor)).toBe(true);
  });

  it.each([
    ['1,5', 2, dot, "not an amount with decimal separator '.'"],
    ['1.005', 2, dot, 'more than 2 decimal places'],
    ['12,34.00', 2, { decimalSeparator: '.', allowGrouping: true } as const, "misplaced ',' grouping"],
    ['1 000', 2, dot, 'not an amount'],
    ['', 2, dot, 'not an amount'],
    ['.5', 2, dot, 'not an amount'],
    ['1e3', 2, dot, 'not an amount'],
    ['10000000000.01', 2, dot, 'too large'],
    ['90071992547409.91', 2, dot, 'too large'],
  ] as const)('rejects %j', (text, exponent, syntax, reason) => {
    expect(() => parseDecimalMinor(text, exponent, syntax)).toThrow(FieldFormatError);
    expect(() => parseDecimalMinor(text, exponent, syntax)).toThrow(reason);
  });
});

describe('hundredthsToMinor', () => {
  it('rescales GPC hundredths to the currency exponent', () => {
    expect(hundredthsToMinor('000000059900', 2)).toBe(59900);
    expect(hundredthsToMinor('000000059900', 3)).toBe(599000);
    expect(hundredthsToMinor('000000059900', 0)).toBe(599);
    expect(() => hundredthsToMinor('000000059950', 0)).toThrow('fractions the currency does not have');
    expect(() => hundredthsToMinor('12a', 2)).toThrow('not an amount in hundredths');
  });
});

describe('negate', () => {
  it('never produces -0', () => {
    expect(Object.is(negate(0), 0)).toBe(true);
    expect(negate(5)).toBe(-5);
  });
});
