// Money is an integer count of minor units (paisa, haléř, cents) of one currency.
// Arithmetic that divides goes through BigInt and rounds half away from zero
// ("half-up" on magnitudes), the rule printed on every invoice.

export type Minor = number;

/**
 * The largest amount any input may carry: 10^12 minor units (10 billion taka). It keeps
 * every sum of up to 9,007 amounts below 2^53, so such sums are exact in a JS number;
 * longer sums are taken in bigint (SQL or here) and converted by exactMinor.
 */
export const MAX_AMOUNT_MINOR = 10 ** 12;

export class MoneyError extends Error {}

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a whole number of minor units, got ${value}`);
  return value;
}

/** round(numerator / denominator), halves rounded away from zero. */
export function divRoundHalfUp(numerator: number | bigint, denominator: number | bigint): Minor {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new MoneyError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  const result = Number(negative ? -q : q);
  return assertMinor(result);
}

/** amount × basisPoints / 10 000, rounded half-up (1 bp = 0.01 %). */
export function applyBasisPoints(amount: Minor, basisPoints: number): Minor {
  return divRoundHalfUp(BigInt(amount) * BigInt(basisPoints), 10_000n);
}

/** A bigint sum as a number, refused rather than rounded when it is beyond 2^53. */
export function exactMinor(value: bigint | number, what = 'sum'): Minor {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new MoneyError(`${what} ${value} is beyond the exact range of a JSON number`);
  return n;
}

export function sumMinor(values: readonly Minor[]): Minor {
  return assertMinor(values.reduce((a, b) => a + b, 0), 'sum');
}

/** Formats 123456 BDT as "1234.56 BDT" for messages; all stored values stay integers. */
export function formatMinor(amount: Minor, currency: string, exponent = 2): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount).toString().padStart(exponent + 1, '0');
  const major = abs.slice(0, abs.length - exponent);
  const minor = abs.slice(abs.length - exponent);
  return `${sign}${exponent > 0 ? `${major}.${minor}` : major} ${currency}`;
}
