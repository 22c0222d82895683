// What a notice's text says about the due date ("is due on 12 Dec", "is due today",
// "is overdue"), so that no notice goes out on a day that contradicts it: a policy change
// or a state regression can put a customer whose invoice is already due on a before-due
// state, and that state's reminder must then stay unsent. Days count from the due date
// itself, not from the end of the grace period: the text names the due date.
import type { TemplateName } from './policy-schema';
import { daysBetween, type IsoDate } from './zoned-time';

/** Why `template` must not be sent on `today` for an invoice due `dueDate`, or null when it may. */
export function noticeContradiction(template: TemplateName, dueDate: IsoDate, today: IsoDate): string | null {
  const days = daysBetween(dueDate, today);
  switch (template) {
    case 'reminder_before_due':
      if (days < 0) return null;
      return days === 0 ? `the invoice is due today (${dueDate})` : `the invoice was due ${dueDate}`;
    case 'due_today':
      if (days === 0) return null;
      return days < 0 ? `the invoice is due ${dueDate}, not today` : `the invoice was due ${dueDate}, not today`;
    case 'overdue_reminder':
      return days > 0 ? null : `the invoice is not overdue until the day after ${dueDate}`;
    default:
      return null;
  }
}
