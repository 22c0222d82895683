// Invoice lines from charges. Order of operations, each step rounded once, half-up:
//   1. price     subscription: price override if set, else tariff price;
//                one-off: unit price × quantity
//   2. proration subscription only, see proration.ts
//   3. discounts percentage (basis points) of the step-2 amount first, then the fixed
//                amount; the line never goes below zero. Discounts are taken off the
//                price as stated, i.e. off the gross for tax-inclusive prices and off the
//                net for tax-exclusive ones. A fixed discount is not prorated.
//   4. tax       see line-tax.ts; a tax-exempt customer is taxed at rate 0.
import { applyBasisPoints, Minor } from '../money';
import { CalendarDate } from './calendar-date';
import { ServicePeriod } from './billing-periods';
import { BillingRuleError, requireBasisPoints, requireNonNegativeInteger } from './errors';
import { effectiveTaxRate, lineTax, TaxMode } from './line-tax';
import { prorate } from './proration';

export const INVOICE_LINE_RULES = `Each invoice line is computed in this order, rounding half-up once per step:
1. price: the subscription's price override if set, else its tariff price; one-off charges use unit price × quantity.
2. proration (subscriptions only): round_half_up(price × days used / days in period).
3. discounts: percentage of the prorated amount first, then the fixed amount; never below zero.
   Discounts reduce the price as stated: gross for tax-inclusive prices, net for tax-exclusive ones.
4. tax: exclusive prices tax = round_half_up(net × rate / 10000); inclusive prices
   net = round_half_up(gross × 10000 / (10000 + rate)) and tax = gross − net. Tax-exempt customers use rate 0.
Every line satisfies net + tax = total, and the invoice totals are the sums of its lines.`;

export interface CustomerTaxStatus {
  taxExempt: boolean;
}

interface ChargeBase {
  description: string;
  /** Subscription, equipment or fee id the line traces back to. */
  referenceId?: string | null;
  taxRateBasisPoints: number;
  taxMode: TaxMode;
  discountBasisPoints?: number;
  fixedDiscountMinor?: Minor;
}

export interface SubscriptionCharge extends ChargeBase {
  kind: 'subscription';
  tariffPriceMinor: Minor;
  priceOverrideMinor?: Minor | null;
  period: ServicePeriod;
  /** First day of service (inclusive); may precede the period. */
  activeFrom: CalendarDate;
  /** Last day of service (inclusive); null or absent while it runs on. */
  activeTo?: CalendarDate | null;
}

export type OneOffKind = 'installation' | 'equipment' | 'late_fee' | 'other';

export interface OneOffCharge extends ChargeBase {
  kind: OneOffKind;
  unitPriceMinor: Minor;
  quantity?: number;
}

export type Charge = SubscriptionCharge | OneOffCharge;

export interface InvoiceLine {
  kind: 'subscription' | OneOffKind;
  description: string;
  referenceId: string | null;
  periodStart: CalendarDate | null;
  periodEnd: CalendarDate | null;
  /** Active days billed, inclusive; null for one-off charges. */
  activeFrom: CalendarDate | null;
  activeTo: CalendarDate | null;
  daysUsed: number | null;
  daysInPeriod: number | null;
  quantity: number;
  unitPriceMinor: Minor;
  /** After steps 1–2, before discounts. */
  chargedMinor: Minor;
  discountMinor: Minor;
  taxMode: TaxMode;
  taxRateBasisPoints: number;
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
}

export interface DiscountResult {
  percentDiscountMinor: Minor;
  fixedDiscountMinor: Minor;
  amountMinor: Minor;
}

/** Percentage first, then fixed; the fixed part is capped so the result stays ≥ 0. */
export function applyDiscounts(amountMinor: Minor, discountBasisPoints = 0, fixedDiscountMinor: Minor = 0): DiscountResult {
  requireNonNegativeInteger(amountMinor, 'amount');
  requireBasisPoints(discountBasisPoints, 'percentage discount');
  requireNonNegativeInteger(fixedDiscountMinor, 'fixed discount');
  const percentDiscountMinor = applyBasisPoints(amountMinor, discountBasisPoints);
  const afterPercent = amountMinor - percentDiscountMinor;
  const fixedApplied = Math.min(fixedDiscountMinor, afterPercent);
  return { percentDiscountMinor, fixedDiscountMinor: fixedApplied, amountMinor: afterPercent - fixedApplied };
}

type LineShape = Pick<
  InvoiceLine,
  'periodStart' | 'periodEnd' | 'activeFrom' | 'activeTo' | 'daysUsed' | 'daysInPeriod' | 'quantity' | 'unitPriceMinor'
>;

function finishLine(charge: Charge, customer: CustomerTaxStatus, chargedMinor: Minor, fields: LineShape): InvoiceLine {
  const discounted = applyDiscounts(chargedMinor, charge.discountBasisPoints ?? 0, charge.fixedDiscountMinor ?? 0);
  const tax = lineTax(discounted.amountMinor, effectiveTaxRate(charge.taxRateBasisPoints, customer.taxExempt), charge.taxMode);
  return {
    kind: charge.kind,
    description: charge.description,
    referenceId: charge.referenceId ?? null,
    ...fields,
    chargedMinor,
    discountMinor: chargedMinor - discounted.amountMinor,
    taxMode: charge.taxMode,
    ...tax,
  };
}

export function subscriptionLine(charge: SubscriptionCharge, customer: CustomerTaxStatus): InvoiceLine {
  const price = charge.priceOverrideMinor ?? charge.tariffPriceMinor;
  requireNonNegativeInteger(price, 'subscription price');
  const prorated = prorate({
    fullPriceMinor: price,
    period: charge.period,
    activeFrom: charge.activeFrom,
    activeTo: charge.activeTo,
  });
  if (prorated.span === null) {
    throw new BillingRuleError(
      `'${charge.description}' is not active in period ${charge.period.start}..${charge.period.end}`,
    );
  }
  return finishLine(charge, customer, prorated.amountMinor, {
    periodStart: charge.period.start,
    periodEnd: charge.period.end,
    activeFrom: prorated.span.from,
    activeTo: prorated.span.to,
    daysUsed: prorated.daysUsed,
    daysInPeriod: prorated.daysInPeriod,
    quantity: 1,
    unitPriceMinor: price,
  });
}

export function oneOffLine(charge: OneOffCharge, customer: CustomerTaxStatus): InvoiceLine {
  const unitPriceMinor = requireNonNegativeInteger(charge.unitPriceMinor, `${charge.kind} price`);
  const quantity = charge.quantity ?? 1;
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new BillingRuleError(`quantity must be a whole number ≥ 1, got ${quantity}`);
  }
  return finishLine(charge, customer, requireNonNegativeInteger(unitPriceMinor * quantity, 'line amount'), {
    periodStart: null,
    periodEnd: null,
    activeFrom: null,
    activeTo: null,
    daysUsed: null,
    daysInPeriod: null,
    quantity,
    unitPriceMinor,
  });
}

/** One line per charge, in the order given. */
export function buildInvoiceLines(charges: readonly Charge[], customer: CustomerTaxStatus): InvoiceLine[] {
  return charges.map((charge) =>
    charge.kind === 'subscription' ? subscriptionLine(charge, customer) : oneOffLine(charge, customer),
  );
}
