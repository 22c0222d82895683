// Due date = issue date + payment terms in calendar days. The customer's own terms win;
// the default applies only when the customer has none (0 days is a real term: due on issue).
import { addDays, assertCalendarDate, CalendarDate } from './calendar-date';
import { requireNonNegativeInteger } from './errors';

export interface DueDateInput {
  issueDate: CalendarDate;
  customerPaymentTermsDays?: number | null;
  defaultPaymentTermsDays: number;
}

export function paymentTermsDays(customerPaymentTermsDays: number | null | undefined, defaultPaymentTermsDays: number): number {
  requireNonNegativeInteger(defaultPaymentTermsDays, 'default payment terms');
  return customerPaymentTermsDays == null
    ? defaultPaymentTermsDays
    : requireNonNegativeInteger(customerPaymentTermsDays, 'customer payment terms');
}

export function dueDate(input: DueDateInput): CalendarDate {
  const days = paymentTermsDays(input.customerPaymentTermsDays, input.defaultPaymentTermsDays);
  return addDays(assertCalendarDate(input.issueDate, 'issue date'), days);
}
