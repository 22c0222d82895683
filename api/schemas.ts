import { z } from 'zod';

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

// Building a DateTimeFormat to test a zone costs more than a page of the payment log's
// own work, and requests name the same few zones over and over.
const knownTimeZones = new Set<string>();

export const TimeZone = z.string().refine((tz) => {
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

/** Money on the wire: an integer count of minor units (paisa, haléř). */
export const MinorAmount = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer of minor units');

export const Tag = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'tags are lowercase words (a-z, 0-9, _ -)');
