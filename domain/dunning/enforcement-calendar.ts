// When the ISP may act on a customer's line or phone, in the ISP's own time zone.
// Throttling and blocking wait for staffed hours (enforcementDays × enforcementHours,
// never on a holiday) so that a cut-off customer can reach support the moment it
// happens. SMS waits out the quiet hours. Restoring service is never delayed: callers
// apply a restore immediately and must not route it through these functions.
import type { EnforcementCalendar } from './policy-schema';
import { addDays, isoWeekday, localDate, minutesOfDay, toLocal, zonedTimeToInstant, type IsoDate } from './zoned-time';

export type CalendarRules = Pick<EnforcementCalendar, 'enforcementDays' | 'enforcementHours' | 'holidays'>;
export type SmsRules = Pick<EnforcementCalendar, 'smsQuietHours'>;

export function isEnforcementDay(calendar: CalendarRules, date: IsoDate): boolean {
  return calendar.enforcementDays.includes(isoWeekday(date)) && !calendar.holidays.includes(date);
}

/**
 * `from` itself when throttling/blocking is allowed at that instant, otherwise the start
 * of the next allowed window. Hours are [from, to): at exactly `to` the window is closed.
 * A window edge inside a DST gap moves forward by the gap (see zonedTimeToInstant).
 */
export function nextAllowedEnforcementAt(calendar: CalendarRules, timeZone: string, from: Date): Date {
  const opens = minutesOfDay(calendar.enforcementHours.from);
  const closes = minutesOfDay(calendar.enforcementHours.to);
  // Each holiday removes at most one day, so among holidays + 1 whole weeks one is untouched.
  const searchDays = 7 * (calendar.holidays.length + 1) + 1;
  let date = localDate(from, timeZone);
  for (let i = 0; i < searchDays; i++, date = addDays(date, 1)) {
    if (!isEnforcementDay(calendar, date)) continue;
    const start = zonedTimeToInstant(date, opens, timeZone);
    if (from.getTime() < start.getTime()) return start;
    if (from.getTime() < zonedTimeToInstant(date, closes, timeZone).getTime()) return from;
  }
  throw new RangeError('enforcement calendar allows no day at all');
}

/** Whether SMS must wait at this local time; quiet hours may wrap midnight (21:00–08:00). */
function inQuietHours(calendar: SmsRules, minutes: number): boolean {
  const start = minutesOfDay(calendar.smsQuietHours.from);
  const end = minutesOfDay(calendar.smsQuietHours.to);
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** `from` itself when an SMS may go out, otherwise the end of the current quiet period. */
export function nextAllowedSmsAt(calendar: SmsRules, timeZone: string, from: Date): Date {
  const local = toLocal(from, timeZone);
  if (!inQuietHours(calendar, local.minutes)) return from;
  const start = minutesOfDay(calendar.smsQuietHours.from);
  const end = minutesOfDay(calendar.smsQuietHours.to);
  const endsTomorrow = start > end && local.minutes >= start;
  return zonedTimeToInstant(endsTomorrow ? addDays(local.date, 1) : local.date, end, timeZone);
}
