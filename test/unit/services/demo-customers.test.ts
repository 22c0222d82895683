import { compareDates, addDays } from '../../../domain/billing';
import { planDemoCustomers } from '../../../services/demo/demo-customers';
import { asciiSlug } from '../../../services/demo/demo-names';
import { DEMO_TARIFFS, REGION_SETTINGS } from '../../../services/demo/demo-tariffs';
import { seededRandom } from '../../../services/demo/seeded-random';

const TODAY = '2026-11-23';

describe('seeded random numbers', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => { const r = seededRandom(seed); return Array.from({ length: 5 }, () => r.next()); };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = seededRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(1, 28)));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });
});

describe('demo customer plans', () => {
  const plans = planDemoCustomers(2000, 42, TODAY);
  const customers = plans.map((p) => p.customer);
  const tariffByName = new Map(DEMO_TARIFFS.map((t) => [t.name, t]));

  it('is the same for the same seed and day, and different for another seed', () => {
    expect(planDemoCustomers(50, 42, TODAY)).toEqual(plans.slice(0, 50));
    expect(planDemoCustomers(50, 43, TODAY)).not.toEqual(plans.slice(0, 50));
  });

  it('gives unique usernames and unique numeric payment references', () => {
    expect(new Set(customers.map((c) => c.username)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.paymentReference)).size).toBe(customers.length);
    for (const c of customers) expect(c.paymentReference).toMatch(/^\d{7,10}$/);
  });

  it('mixes about 70% Bangladesh and 30% Czechia with matching zone, language and phone', () => {
    const bd = customers.filter((c) => c.currency === 'BDT');
    expect(bd.length / customers.length).toBeGreaterThan(0.65);
    expect(bd.length / customers.length).toBeLessThan(0.75);
    for (const c of customers) {
      if (c.currency === 'BDT') {
        expect([c.timezone, ['bn', 'en'].includes(c.language)]).toEqual(['Asia/Dhaka', true]);
        expect(c.phone).toMatch(/^\+8801[3-9]\d{8}$/);
      } else {
        expect([c.currency, c.timezone, c.language]).toEqual(['CZK', 'Europe/Prague', 'cs']);
        expect(c.phone).toMatch(/^\+420 6\d\d \d{3} \d{3}$/);
      }
      if (c.email) expect(c.email).toMatch(/^[a-z.]+\d*@example\.(com|net|org)$/);
    }
    expect(customers.some((c) => /[ěščřžýáíéůú]/i.test(c.name))).toBe(true);
    expect(customers.some((c) => c.name.startsWith('Md. '))).toBe(true);
  });

  it('spreads billing days over 1–28 with some 31s', () => {
    const days = new Set(customers.map((c) => c.billingDay));
    for (let d = 1; d <= 28; d++) expect(days.has(d)).toBe(true);
    expect(days.has(31)).toBe(true);
    expect([...days].every((d) => d <= 28 || d === 31)).toBe(true);
  });

  it('gives everyone 1–3 subscriptions on tariffs in their currency, started in past months', () => {
    const thisMonth = `${TODAY.slice(0, 7)}-01`;
    for (const p of plans) {
      expect(p.subscriptions.length).toBeGreaterThanOrEqual(1);
      expect(p.subscriptions.length).toBeLessThanOrEqual(3);
      for (const s of p.subscriptions) {
        const tariff = tariffByName.get(s.tariffName)!;
        expect(REGION_SETTINGS[tariff.region].currency).toBe(p.customer.currency);
        expect(compareDates(s.startsOn, thisMonth)).toBe(-1);
        if (s.endsOn) expect(compareDates(s.endsOn, s.startsOn)).toBeGreaterThanOrEqual(0);
      }
    }
    expect(new Set(plans.map((p) => p.subscriptions.length))).toEqual(new Set([1, 2, 3]));
  });

  it('models a tariff change as an ended subscription followed the next day by a new one with the same discounts', () => {
    const changed = plans.filter((p) => p.subscriptions.some((s) => s.endsOn));
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) {
      const [before, after] = p.subscriptions;
      expect(addDays(before!.endsOn!, 1)).toBe(after!.startsOn);
      expect(after!.tariffName).not.toBe(before!.tariffName);
      expect([after!.discountPercentBp, after!.discountFixedMinor, after!.priceOverrideMinor]).toEqual([before!.discountPercentBp, before!.discountFixedMinor, null]);
    }
  });

  it('folds diacritics for usernames', () => {
    expect(asciiSlug({ display: 'Jiří Dvořák', first: 'Jiří', last: 'Dvořák' })).toBe('jiri.dvorak');
    expect(asciiSlug({ display: 'Md. Abdul Kader Uddin', first: 'Abdul Kader', last: 'Uddin' })).toBe('abdulkader.uddin');
  });
});
