import type { Db } from '../infra/prisma';
import { progressBar } from '../cli/progress-bar';

/** N customers with 1–3 subscriptions each (internet, IPTV, VoIP), inserted in bulk. */
export async function seedBillingBench(db: Db, customers: number): Promise<void> {
  const tariffs = await Promise.all([
    db.tariff.create({ data: { name: 'Bench Internet 20', serviceKind: 'internet', priceMinor: 105_000n, taxRateBp: 500, speedProfile: '20M/20M', throttledProfile: '1M/1M' } }),
    db.tariff.create({ data: { name: 'Bench IPTV', serviceKind: 'iptv', priceMinor: 30_000n, taxRateBp: 1500, pricesIncludeTax: false, speedProfile: '-', throttledProfile: '-' } }),
    db.tariff.create({ data: { name: 'Bench VoIP', serviceKind: 'voip', priceMinor: 15_000n, speedProfile: '-', throttledProfile: '-' } }),
  ]);
  const CHUNK = 2000;
  for (let from = 0; from < customers; from += CHUNK) {
    const n = Math.min(CHUNK, customers - from);
    await db.customer.createMany({ data: Array.from({ length: n }, (_, k) => ({ username: `bench${from + k}`, name: `Bench Customer ${from + k}`, paymentReference: String(1_000_000 + from + k), billingDay: 1 + ((from + k) % 28) })) });
    const created = await db.customer.findMany({ where: { username: { in: Array.from({ length: n }, (_, k) => `bench${from + k}`) } }, select: { id: true } });
    await db.subscription.createMany({ data: created.flatMap((c, k) => tariffs.slice(0, 1 + ((from + k) % 3)).map((t) => ({ customerId: c.id, tariffId: t.id, startsOn: new Date('2026-01-01') }))) });
    progressBar('seeding', from + n, customers);
  }
}
