import { z } from 'zod';
import { isCalendarDate } from '../domain/billing/calendar-date';
import { MAX_AMOUNT_MINOR } from '../domain/money';

/** Ids are Postgres `integer` columns: anything above 2^31−1 is no row, and must not reach SQL. */
export const MAX_ID = 2 ** 31 - 1;
const idReason = `must be a whole number from 1 to ${MAX_ID}`;

/** An id in a JSON body. */
export const Id = z.number().int(idReason).min(1, idReason).max(MAX_ID, idReason);

/** An id in a path or query string. */
export const IdQuery = z.coerce.number().int(idReason).min(1, idReason).max(MAX_ID, idReason);

/** Keyset pagination: the last id seen, 0 for the first page. */
export const AfterId = z.coerce.number().int().min(0).max(MAX_ID).default(0);

export const IdParam = z.object({ id: IdQuery });

// Building a DateTimeFormat to test a zone costs more than a page of the payment log's
// own work, and requests name the same few zones over and over.
const knownTimeZones = new Set<string>();

export const TimeZone = z.string().max(64).refine((tz) => {
  if (knownTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (knownTimeZones.size < 1000) knownTimeZones.add(tz);
  return true;
}, 'must be an IANA time zone such as Asia/Dhaka');

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

const amountReason = `must be a whole number of minor units of at most ${MAX_AMOUNT_MINOR}`;

/** Money on the wire: an integer count of minor units (paisa, haléř), |amount| ≤ 10^12. */
export const MinorAmount = z.number().int(amountReason).min(-MAX_AMOUNT_MINOR, amountReason).max(MAX_AMOUNT_MINOR, amountReason);

/** Years a bill, payment or report can be about; beyond them date arithmetic leaves the calendar. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const inYears = (s: string) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR;
const yearsReason = `must be in the years ${MIN_YEAR}–${MAX_YEAR}`;

/** A calendar date YYYY-MM-DD in sane years. */
export const CalendarDay = z.string().refine(isCalendarDate, 'must be an existing calendar date YYYY-MM-DD').refine(inYears, yearsReason).describe('calendar date YYYY-MM-DD');

/** An ISO 8601 instant with its offset, in sane years. */
export const Timestamp = (message = 'must be an ISO 8601 timestamp such as 2026-12-20T18:00:00+06:00') => z.iso.datetime({ offset: true, message }).refine(inYears, yearsReason);

export const Tag = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'tags are lowercase words (a-z, 0-9, _ -)');
