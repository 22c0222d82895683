import { currencyCode, currencyExponent, currencyFromNumeric } from '../../../../domain/statements/currency';

describe('currency', () => {
  it('normalizes alphabetic codes and rejects anything else', () => {
    expect(currencyCode(' czk ')).toBe('CZK');
    expect(() => currencyCode('Kč')).toThrow("'Kč' is not an ISO 4217 currency code");
  });

  it('knows the minor units of a currency', () => {
    expect([currencyExponent('CZK'), currencyExponent('BDT'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 2, 0, 3]);
  });

  it('maps the numeric codes GPC uses', () => {
    expect(currencyFromNumeric('0203')).toBe('CZK');
    expect(currencyFromNumeric('978')).toBe('EUR');
    expect(currencyFromNumeric('0050')).toBe('BDT');
    expect(() => currencyFromNumeric('0999')).toThrow("unknown numeric currency code '0999'");
  });
});
