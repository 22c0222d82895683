// Public API of the pure invoicing rules. Nothing here reads clocks, files or the
// network, so it is safe inside Temporal workflows as well as activities.
export { BillingRuleError } from './errors';

export type { CalendarDate, CivilDate } from './calendar-date';
export {
  addDays,
  addMonths,
  assertCalendarDate,
  calendarDate,
  compareDates,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  lastDayOfMonth,
  localDateAt,
  maxDate,
  minDate,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date';

export type { BillingMonth, YearMonth } from './billing-month';
export {
  addBillingMonths,
  assertBillingMonth,
  billingMonthOf,
  formatBillingMonth,
  isBillingMonth,
  parseBillingMonth,
} from './billing-month';

export type { BillingCycle, PeriodSchedule, PeriodsDueInput, ServicePeriod } from './billing-periods';
export {
  CYCLE_MONTHS,
  anchoredStart,
  nextServicePeriod,
  periodsDueInMonth,
  servicePeriodContaining,
} from './billing-periods';

export type { ActiveSpan, ProratedCharge, ProrationInput, TariffChangeInput } from './proration';
export { PRORATION_RULE, activeSpan, daysInPeriod, prorate, prorateTariffChange } from './proration';

export type { LineTax, TaxMode } from './line-tax';
export { effectiveTaxRate, lineTax, taxInGross, taxOnNet } from './line-tax';

export type {
  Charge,
  CustomerTaxStatus,
  DiscountResult,
  InvoiceLine,
  OneOffCharge,
  OneOffKind,
  SubscriptionCharge,
} from './invoice-lines';
export { INVOICE_LINE_RULES, applyDiscounts, buildInvoiceLines, oneOffLine, subscriptionLine } from './invoice-lines';

export type { TariffChange } from './tariff-change';
export { chargesForTariffChange } from './tariff-change';

export type { InvoiceTotals, TaxRateSummary, TotalsLine } from './invoice-totals';
export { invoiceTotals } from './invoice-totals';

export type { CreditApplication } from './credit';
export { applyCredit } from './credit';

export type { Credit, CreditAllocation } from './credit-allocation';
export { allocateCredits } from './credit-allocation';

export type { InvoiceAllocation, OpenInvoice, PaymentAllocation } from './allocation';
export { allocatePayment, allocationOrder } from './allocation';

export type { DueDateInput } from './due-date';
export { dueDate, paymentTermsDays } from './due-date';

export type { BillableCustomer, BillableSubscription, ComposedInvoice, ComposedLine, PendingCharge } from './compose-invoice';
export { composeInvoice } from './compose-invoice';
