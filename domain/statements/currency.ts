// ISO 4217 facts the parsers need: how many minor units a currency has, and the
// numeric codes GPC files use instead of letters.
import { FieldFormatError } from './statement-format-error';

// Everything not listed has two decimals.
const EXPONENTS: Readonly<Record<string, number>> = {
  BHD: 3, CLP: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KRW: 0, KWD: 3, LYD: 3, OMR: 3, TND: 3, UGX: 0, VND: 0,
};

const BY_NUMERIC: Readonly<Record<string, string>> = {
  '036': 'AUD', '050': 'BDT', '124': 'CAD', '203': 'CZK', '208': 'DKK', '348': 'HUF', '356': 'INR', '392': 'JPY',
  '578': 'NOK', '752': 'SEK', '756': 'CHF', '826': 'GBP', '840': 'USD', '946': 'RON', '978': 'EUR', '980': 'UAH',
  '985': 'PLN',
};

export function currencyCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new FieldFormatError(`'${raw}' is not an ISO 4217 currency code`);
  return code;
}

export function currencyExponent(code: string): number {
  return EXPONENTS[code] ?? 2;
}

/** '0203' or '203' → 'CZK'. */
export function currencyFromNumeric(raw: string): string {
  const digits = raw.trim();
  const code = /^\d{1,4}$/.test(digits) ? BY_NUMERIC[digits.padStart(4, '0').slice(1)] : undefined;
  if (!code) throw new FieldFormatError(`unknown numeric currency code '${raw}'`);
  return code;
}
