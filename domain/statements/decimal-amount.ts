// Amounts are read digit by digit into integer minor units; a decimal string never
// passes through a float, so '0.29' is 29 and never 28.999….
import { MAX_AMOUNT_MINOR, Minor } from '../money';
import { FieldFormatError } from './statement-format-error';

export interface DecimalSyntax {
  decimalSeparator: '.' | ',';
  /** Accept spaces, apostrophes and the other separator as thousands grouping ('1 234,50', '1.234,50'). */
  allowGrouping?: boolean;
}

const SPACES = /[\s\u00A0\u202F']/g;

export function parseDecimalMinor(raw: string, exponent: number, syntax: DecimalSyntax): Minor {
  let text = raw.trim();
  let negative = false;
  if (/^[-+\u2212]/.test(text)) {
    negative = text[0] !== '+';
    text = text.slice(1).trimStart();
  }
  if (syntax.allowGrouping) text = text.replace(SPACES, '');
  const separatorAt = text.indexOf(syntax.decimalSeparator);
  let whole = separatorAt === -1 ? text : text.slice(0, separatorAt);
  const fraction = separatorAt === -1 ? '' : text.slice(separatorAt + 1);
  const groupSeparator = syntax.decimalSeparator === ',' ? '.' : ',';
  if (syntax.allowGrouping && whole.includes(groupSeparator)) {
    if (!new RegExp(`^\\d{1,3}(\\${groupSeparator}\\d{3})+$`).test(whole)) {
      throw new FieldFormatError(`amount '${raw}' has misplaced '${groupSeparator}' grouping`);
    }
    whole = whole.split(groupSeparator).join('');
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) {
    throw new FieldFormatError(`'${raw}' is not an amount with decimal separator '${syntax.decimalSeparator}'`);
  }
  if (fraction.length > exponent && !/^0*$/.test(fraction.slice(exponent))) {
    throw new FieldFormatError(`amount '${raw}' has more than ${exponent} decimal places`);
  }
  return toMinor(whole + fraction.slice(0, exponent).padEnd(exponent, '0'), negative, raw);
}

/** GPC states every amount in hundredths ("haléře"); rescale to the currency's own minor unit. */
export function hundredthsToMinor(digits: string, exponent: number): Minor {
  if (!/^\d+$/.test(digits)) throw new FieldFormatError(`'${digits}' is not an amount in hundredths`);
  if (exponent >= 2) return toMinor(digits + '0'.repeat(exponent - 2), false, digits);
  const dropped = digits.slice(digits.length - (2 - exponent));
  if (!/^0*$/.test(dropped)) throw new FieldFormatError(`amount ${digits} has fractions the currency does not have`);
  return toMinor(digits.slice(0, digits.length - (2 - exponent)) || '0', false, digits);
}

function toMinor(digits: string, negative: boolean, raw: string): Minor {
  const value = Number(BigInt(digits));
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT_MINOR) throw new FieldFormatError(`amount '${raw}' is too large (at most ${MAX_AMOUNT_MINOR} minor units)`);
  return negative && value !== 0 ? -value : value;
}

/** -x without producing -0, which would make equal amounts compare unequal under Object.is. */
export function negate(amount: Minor): Minor {
  return amount === 0 ? 0 : -amount;
}
