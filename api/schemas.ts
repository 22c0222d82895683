import { z } from 'zod';

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Dhaka');

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

/** Money on the wire: an integer count of minor units (paisa, haléř). */
export const MinorAmount = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer of minor units');

export const Tag = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'tags are lowercase words (a-z, 0-9, _ -)');
