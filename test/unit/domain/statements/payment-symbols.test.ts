import { mergeSymbols, normalizeConstantSymbol, normalizeSymbol, symbolsInText } from '../../../../domain/statements/payment-symbols';

describe('payment symbols', () => {
  it('normalizes symbols without padding zeros; all zeros is no symbol', () => {
    expect(normalizeSymbol('0000123456')).toBe('123456');
    expect(normalizeSymbol('0000000000')).toBeUndefined();
    expect(normalizeSymbol('  ')).toBeUndefined();
    expect(normalizeSymbol('cust-7')).toBe('CUST-7');
    expect(normalizeConstantSymbol('0308')).toBe('0308');
    expect(normalizeConstantSymbol('0000000308')).toBe('0308');
  });

  it.each([
    ['VS123456', { variableSymbol: '123456' }],
    ['/VS/123456', { variableSymbol: '123456' }],
    ['VS:123456', { variableSymbol: '123456' }],
    ['platba vs 0123456 díky', { variableSymbol: '123456' }],
    ['/VS/1003/SS/2026/KS/0308', { variableSymbol: '1003', specificSymbol: '2026', constantSymbol: '0308' }],
    ['VS: 1 VS: 2', { variableSymbol: '1' }],
    ['ZAVS 123, BANKS 5', {}],
    ['VS 12345678901', {}],
    ['VS:', {}],
    [undefined, {}],
  ])('finds symbols in %j', (text, symbols) => {
    expect(symbolsInText(text)).toEqual(symbols);
  });

  it('lets earlier sources win', () => {
    expect(mergeSymbols({ variableSymbol: '1' }, { variableSymbol: '2', specificSymbol: '3' })).toEqual({ variableSymbol: '1', specificSymbol: '3' });
  });
});
