// Field schemas shared by the billing management routes (tariffs, subscriptions,
// charges, billing settings, invoices).
import { z } from 'zod';
import { isBillingMonth } from '../../domain/billing';
import { AfterId, IdQuery, MAX_YEAR, MIN_YEAR, MinorAmount } from '../schemas';

export { CalendarDay } from '../schemas';

export const BillingMonth = z.string().refine(isBillingMonth, "must be a billing month 'YYYY-MM'")
  .refine((m) => Number(m.slice(0, 4)) >= MIN_YEAR && Number(m.slice(0, 4)) <= MAX_YEAR, `must be in the years ${MIN_YEAR}–${MAX_YEAR}`)
  .describe('billing month YYYY-MM');

/** 1 bp = 0.01 %; 10000 bp = 100 %. */
export const BasisPoints = z.number().int().min(0, 'must be 0–10000 basis points').max(10_000, 'must be 0–10000 basis points');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BDT');

export const NonNegativeMinor = MinorAmount.refine((v) => v >= 0, 'must not be negative');

export const PositiveMinor = MinorAmount.refine((v) => v > 0, 'must be greater than zero');

export const CustomerSubscriptionParams = z.object({
  id: IdQuery,
  subId: IdQuery,
});

/** Keyset pagination by id, as on /v1/customers. */
export const PageQuery = z.object({
  after: AfterId,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** A query-string flag: ?pending=true / ?active=false. */
export const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** PATCH bodies must change something. */
export function atLeastOneField<T extends z.ZodObject>(schema: T) {
  return schema.refine((body) => Object.values(body).some((v) => v !== undefined), 'send at least one field to change');
}
