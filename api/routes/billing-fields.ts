// Field schemas shared by the billing management routes (tariffs, subscriptions,
// charges, billing settings, invoices).
import { z } from 'zod';
import { isBillingMonth, isCalendarDate } from '../../domain/billing';
import { MinorAmount } from '../schemas';

export const CalendarDay = z.string().refine(isCalendarDate, 'must be an existing calendar date YYYY-MM-DD').describe('calendar date YYYY-MM-DD');

export const BillingMonth = z.string().refine(isBillingMonth, "must be a billing month 'YYYY-MM'").describe('billing month YYYY-MM');

/** 1 bp = 0.01 %; 10000 bp = 100 %. */
export const BasisPoints = z.number().int().min(0, 'must be 0–10000 basis points').max(10_000, 'must be 0–10000 basis points');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BDT');

export const NonNegativeMinor = MinorAmount.refine((v) => v >= 0, 'must not be negative');

export const PositiveMinor = MinorAmount.refine((v) => v > 0, 'must be greater than zero');

export const CustomerSubscriptionParams = z.object({
  id: z.coerce.number().int().positive(),
  subId: z.coerce.number().int().positive(),
});

/** Keyset pagination by id, as on /v1/customers. */
export const PageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** A query-string flag: ?pending=true / ?active=false. */
export const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** PATCH bodies must change something. */
export function atLeastOneField<T extends z.ZodObject>(schema: T) {
  return schema.refine((body) => Object.values(body).some((v) => v !== undefined), 'send at least one field to change');
}
