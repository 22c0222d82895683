// Postgres `date` columns travel through Prisma as JS Dates at UTC midnight; these
// convert them to and from the 'YYYY-MM-DD' strings the domain and the API use.
import type { CalendarDate } from '../domain/billing';

export function toCalendarDay(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function toNullableCalendarDay(date: Date | null): CalendarDate | null {
  return date ? toCalendarDay(date) : null;
}

export function dateColumn(day: CalendarDate): Date {
  return new Date(`${day}T00:00:00Z`);
}
