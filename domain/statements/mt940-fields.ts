// The value formats of MT940 fields :60F:/:62F: (balances) and :61: (statement line).
import { CalendarDate, calendarDate, toDayNumber } from '../billing/calendar-date';
import { Minor } from '../money';
import { currencyCode, currencyExponent } from './currency';
import { negate, parseDecimalMinor } from './decimal-amount';
import { dateFromYyMmDd } from './statement-dates';
import { FieldFormatError } from './statement-format-error';

export interface Mt940Balance {
  date: CalendarDate;
  currency: string;
  amountMinor: Minor;
}

export interface Mt940Entry {
  valueDate: CalendarDate;
  bookingDate: CalendarDate;
  amountMinor: Minor;
  transactionType: string;
  customerReference?: string;
  bankReference?: string;
  supplementary?: string;
  /** RC/RD: the bank reverses an earlier credit or debit. */
  reversal: boolean;
}

const BALANCE = /^([CD])(\d{6})([A-Z]{3}) ?(\d+(?:,\d*)?)$/;
// value date, entry date (MMDD, or four spaces), mark, funds code, amount (some banks omit
// the comma of a whole amount: C500NTRF), type (some pad it: 'NTR '), references
const STATEMENT_LINE = /^(\d{6})(\d{4}| {4})?(RC|RD|C|D)([A-Z])?(\d+(?:,\d*)?)([NSF][A-Z0-9 ]{3})(.*)$/;

const amountOf = (raw: string, currency: string): Minor => parseDecimalMinor(raw, currencyExponent(currency), { decimalSeparator: ',' });

/** 'C260131CZK12345,67' */
export function parseBalance(value: string): Mt940Balance {
  const match = BALANCE.exec(value.trim());
  if (!match) throw new FieldFormatError(`balance '${value.trim().slice(0, 40)}' is not D/C + YYMMDD + currency + amount`);
  const currency = currencyCode(match[3]);
  const amount = amountOf(match[4], currency);
  return { date: dateFromYyMmDd(match[2]), currency, amountMinor: match[1] === 'D' ? negate(amount) : amount };
}

/** The first line of :61: plus its optional second line of supplementary details. */
export function parseStatementLine(lines: readonly string[], currency: string): Mt940Entry {
  // Padded: a type code cut to 'NTR' at the end of the line is 'NTR ' with its trailing space trimmed away.
  const match = STATEMENT_LINE.exec(`${lines[0].trim()}   `);
  if (!match) throw new FieldFormatError(`':61:${lines[0].trim().slice(0, 60)}' is not date + [entry date] + C/D/RC/RD + amount + type + reference`);
  const [, valueRaw, entryRaw, mark, , amountRaw, transactionType, references] = match;
  const valueDate = dateFromYyMmDd(valueRaw);
  const magnitude = amountOf(amountRaw, currency);
  // RC reverses a credit (money leaves), RD reverses a debit (money returns).
  const amountMinor = mark === 'C' || mark === 'RD' ? magnitude : negate(magnitude);
  const split = references.indexOf('//');
  const customer = (split === -1 ? references : references.slice(0, split)).trim();
  const bank = split === -1 ? '' : references.slice(split + 2).trim();
  const supplementary = lines.slice(1).join(' ').trim();
  return {
    valueDate,
    bookingDate: entryRaw?.trim() ? entryDate(valueDate, entryRaw) : valueDate,
    amountMinor,
    transactionType: transactionType.trim(),
    customerReference: customer && customer !== 'NONREF' ? customer : undefined,
    bankReference: bank || undefined,
    supplementary: supplementary || undefined,
    reversal: mark === 'RC' || mark === 'RD',
  };
}

/** The entry date carries no year: take the year that puts it nearest the value date (a Dec 31 booking valued Jan 2). */
function entryDate(valueDate: CalendarDate, mmdd: string): CalendarDate {
  const year = Number(valueDate.slice(0, 4));
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2));
  let best: CalendarDate | undefined;
  for (const candidateYear of [year - 1, year, year + 1]) {
    let candidate: CalendarDate;
    try {
      candidate = calendarDate(candidateYear, month, day);
    } catch {
      continue;
    }
    const distance = Math.abs(toDayNumber(candidate) - toDayNumber(valueDate));
    if (!best || distance < Math.abs(toDayNumber(best) - toDayNumber(valueDate))) best = candidate;
  }
  if (!best) throw new FieldFormatError(`entry date '${mmdd}' is not a valid MMDD`);
  return best;
}
