// Bank date notations → 'YYYY-MM-DD'. Two-digit years are 20YY: bank statements from
// the last century are not imported, and a fixed rule keeps parsing independent of the clock.
import { CalendarDate, isCalendarDate } from '../billing/calendar-date';
import { FieldFormatError } from './statement-format-error';

export type DatePattern = 'DD.MM.YYYY' | 'YYYY-MM-DD' | 'MM/DD/YYYY';

export function isoDate(year: number, month: number, day: number, raw: string): CalendarDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isCalendarDate(date)) throw new FieldFormatError(`'${raw}' is not a valid date`);
  return date;
}

function digitsAt(raw: string, expected: RegExp): RegExpExecArray {
  const match = expected.exec(raw);
  if (!match) throw new FieldFormatError(`'${raw}' is not a date in the expected form`);
  return match;
}

/** '260612' → '2012-06-26' (GPC). */
export function dateFromDdMmYy(raw: string): CalendarDate {
  const [, dd, mm, yy] = digitsAt(raw, /^(\d{2})(\d{2})(\d{2})$/);
  return isoDate(2000 + Number(yy), Number(mm), Number(dd), raw);
}

/** '120626' → '2012-06-26' (MT940). */
export function dateFromYyMmDd(raw: string): CalendarDate {
  const [, yy, mm, dd] = digitsAt(raw, /^(\d{2})(\d{2})(\d{2})$/);
  return isoDate(2000 + Number(yy), Number(mm), Number(dd), raw);
}

/** The date part of an ISO date, date-time or date with offset ('2026-02-03T09:15:00+01:00', '2017-04-01+02:00'), as the bank wrote it. */
export function dateFromIso(raw: string): CalendarDate {
  const [, yyyy, mm, dd] = digitsAt(raw.trim(), /^(\d{4})-(\d{2})-(\d{2})(?:T.*|Z|[+-]\d{2}:\d{2})?$/);
  return isoDate(Number(yyyy), Number(mm), Number(dd), raw);
}

/** Day and month may lack the leading zero ('3.2.2026'), as Czech bank exports often write them. */
export function dateFromPattern(raw: string, pattern: DatePattern): CalendarDate {
  const text = raw.trim();
  switch (pattern) {
    case 'DD.MM.YYYY': {
      const [, dd, mm, yyyy] = digitsAt(text, /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/);
      return isoDate(Number(yyyy), Number(mm), Number(dd), raw);
    }
    case 'MM/DD/YYYY': {
      const [, mm, dd, yyyy] = digitsAt(text, /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
      return isoDate(Number(yyyy), Number(mm), Number(dd), raw);
    }
    case 'YYYY-MM-DD': {
      const [, yyyy, mm, dd] = digitsAt(text, /^(\d{4})-(\d{2})-(\d{2})$/);
      return isoDate(Number(yyyy), Number(mm), Number(dd), raw);
    }
  }
}
