// Plans demo customers with their subscriptions and pending charges, from a seed and
// "today" alone (no I/O), so the same inputs always give the same data set.
import { addDays, addMonths, calendarDate, parseCalendarDate, type CalendarDate } from '../../domain/billing';
import type { ChargeKind, ServiceKind } from '../../prisma/generated/enums';
import { asciiSlug, bangladeshiName, czechName } from './demo-names';
import { DEMO_TARIFFS, REGION_SETTINGS, type DemoRegion, type DemoTariff } from './demo-tariffs';
import { seededRandom, type Random } from './seeded-random';

export interface DemoSubscriptionPlan {
  tariffName: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
  priceOverrideMinor: number | null;
  discountPercentBp: number;
  discountFixedMinor: number;
}

export interface DemoChargePlan {
  kind: ChargeKind;
  description: string;
  amountMinor: number;
  taxRateBp: number;
}

export interface DemoCustomerPlan {
  customer: {
    username: string; name: string; email: string | null; phone: string; paymentReference: string;
    timezone: string; language: string; currency: string; billingDay: number; paymentTermsDays: number | null; taxExempt: boolean; tags: string[];
  };
  subscriptions: DemoSubscriptionPlan[];
  charges: DemoChargePlan[];
}

// Reserved example domains (RFC 2606): a demo database must never mail a real inbox.
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

function tariffOf(rng: Random, region: DemoRegion, kind: ServiceKind, except?: string): DemoTariff {
  const options = DEMO_TARIFFS.filter((t) => t.region === region && t.serviceKind === kind && t.name !== except);
  return rng.weighted(options.map((t) => [t, t.popularity] as const));
}

/** A day in the month `monthsAgo` months before today's month (days 1–28 exist in every month). */
function dayMonthsAgo(rng: Random, today: CalendarDate, monthsAgo: number): CalendarDate {
  const { year, month } = parseCalendarDate(addMonths(today, -monthsAgo));
  return calendarDate(year, month, rng.int(1, 28));
}

function subscription(rng: Random, tariff: DemoTariff, startsOn: CalendarDate, endsOn: CalendarDate | null = null): DemoSubscriptionPlan {
  const negotiated = tariff.serviceKind === 'internet' && rng.chance(0.02);
  return {
    tariffName: tariff.name,
    startsOn,
    endsOn,
    priceOverrideMinor: negotiated ? Math.round((tariff.priceMinor * 0.9) / 100) * 100 : null,
    discountPercentBp: rng.chance(0.1) ? rng.pick([500, 1000, 1500]) : 0,
    discountFixedMinor: rng.chance(0.03) ? 5_000 : 0,
  };
}

function subscriptionsFor(rng: Random, region: DemoRegion, today: CalendarDate): { plans: DemoSubscriptionPlan[]; monthsSinceJoining: number } {
  const monthsSinceJoining = rng.int(1, 36);
  const joined = dayMonthsAgo(rng, today, monthsSinceJoining);
  const internet = tariffOf(rng, region, 'internet');
  const shape = rng.weighted([['internet', 55], ['tv', 25], ['changedTariff', 10], ['bundle', 10]] as const);
  if (shape === 'changedTariff' && monthsSinceJoining >= 2) {
    const changedOn = dayMonthsAgo(rng, today, rng.int(1, monthsSinceJoining - 1));
    const newTariff = tariffOf(rng, region, 'internet', internet.name);
    const before = subscription(rng, internet, joined, addDays(changedOn, -1));
    // As the change-tariff API does: discounts carry over, a price override does not.
    const after = { ...before, tariffName: newTariff.name, startsOn: changedOn, endsOn: null, priceOverrideMinor: null };
    return { plans: [before, after], monthsSinceJoining };
  }
  const plans = [subscription(rng, internet, joined)];
  const addOn = (kind: ServiceKind) => {
    const monthsAgo = rng.int(1, monthsSinceJoining);
    plans.push(subscription(rng, tariffOf(rng, region, kind), monthsAgo === monthsSinceJoining ? joined : dayMonthsAgo(rng, today, monthsAgo)));
  };
  if (shape === 'tv' || shape === 'bundle') addOn('iptv');
  if (shape === 'bundle') addOn('voip');
  return { plans, monthsSinceJoining };
}

function chargesFor(rng: Random, region: DemoRegion, monthsSinceJoining: number): DemoChargePlan[] {
  const { installationMinor, routerMinor, chargeTaxRateBp } = REGION_SETTINGS[region];
  const charges: DemoChargePlan[] = [];
  if (monthsSinceJoining === 1 && rng.chance(0.7)) charges.push({ kind: 'installation', description: 'Installation and connection', amountMinor: installationMinor, taxRateBp: chargeTaxRateBp });
  if (rng.chance(0.03)) charges.push({ kind: 'equipment', description: 'Wi-Fi router', amountMinor: routerMinor, taxRateBp: chargeTaxRateBp });
  return charges;
}

function phoneFor(rng: Random, region: DemoRegion): string {
  if (region === 'BD') return `+8801${rng.int(3, 9)}${rng.digits(8)}`;
  return `+420 60${rng.int(1, 8)} ${rng.digits(3)} ${rng.digits(3)}`;
}

export function planDemoCustomers(count: number, seed: number, today: CalendarDate): DemoCustomerPlan[] {
  const rng = seededRandom(seed);
  // Variable symbols: numeric, strictly increasing with random gaps, hence unique.
  let reference = rng.int(1_000_000, 1_899_999);
  return Array.from({ length: count }, (_, i) => {
    const region: DemoRegion = rng.chance(0.7) ? 'BD' : 'CZ';
    const name = region === 'BD' ? bangladeshiName(rng) : czechName(rng);
    const slug = asciiSlug(name);
    reference += rng.int(1, 17);
    const { plans, monthsSinceJoining } = subscriptionsFor(rng, region, today);
    return {
      customer: {
        username: `${slug}.${i + 1}`,
        name: name.display,
        email: rng.chance(region === 'BD' ? 0.65 : 0.9) ? `${slug}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}` : null,
        phone: phoneFor(rng, region),
        paymentReference: String(reference),
        timezone: REGION_SETTINGS[region].timezone,
        language: region === 'CZ' ? 'cs' : rng.chance(0.6) ? 'bn' : 'en',
        currency: REGION_SETTINGS[region].currency,
        billingDay: rng.chance(0.08) ? 31 : rng.int(1, 28),
        paymentTermsDays: rng.chance(0.8) ? null : rng.pick([0, 7, 10, 14, 15, 30]),
        taxExempt: rng.chance(0.02),
        tags: rng.chance(0.03) ? ['vip'] : [],
      },
      subscriptions: plans,
      charges: chargesFor(rng, region, monthsSinceJoining),
    };
  });
}
