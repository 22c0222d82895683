// Turns one subscription charge with a mid-period tariff change into the charges to
// bill: the old tariff for active days before the change date, the new tariff from it
// (see proration.ts). Segments without active days are left out, so a change on the
// first day of a period yields a single new-tariff charge.
import { Minor } from '../money';
import { CalendarDate } from './calendar-date';
import { SubscriptionCharge } from './invoice-lines';
import { activeSpan, splitAtChange } from './proration';

export interface TariffChange {
  /** First day billed at the new tariff. */
  changeDate: CalendarDate;
  newTariffPriceMinor: Minor;
  /** Override for the new tariff; the old override does not carry over. */
  newPriceOverrideMinor?: Minor | null;
  newDescription?: string;
}

/**
 * The percentage discount applies to both segments. A fixed discount goes only to the
 * last segment, so a customer gets it once per period rather than once per tariff.
 */
export function chargesForTariffChange(charge: SubscriptionCharge, change: TariffChange): SubscriptionCharge[] {
  const split = splitAtChange(charge.activeFrom, charge.activeTo, change.changeDate);
  const before: SubscriptionCharge = { ...charge, ...split.before };
  const after: SubscriptionCharge = {
    ...charge,
    ...split.after,
    tariffPriceMinor: change.newTariffPriceMinor,
    priceOverrideMinor: change.newPriceOverrideMinor ?? null,
    description: change.newDescription ?? charge.description,
  };
  const segments = [before, after].filter((c) => activeSpan(c.period, c.activeFrom, c.activeTo) !== null);
  return segments.map((segment, i) =>
    i === segments.length - 1 ? segment : { ...segment, fixedDiscountMinor: 0 },
  );
}
