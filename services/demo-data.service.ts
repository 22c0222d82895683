import { audit } from '../data/audit';
import { dateColumn } from '../data/date-columns';
import { addBillingMonths, billingMonthOf, isCalendarDate, type BillingMonth, type CalendarDate } from '../domain/billing';
import type { Db } from '../infra/prisma';
import type { Prisma } from '../prisma/generated/client';
import { planDemoCustomers, type DemoCustomerPlan } from './demo/demo-customers';
import { DEMO_TARIFFS, REGION_SETTINGS } from './demo/demo-tariffs';

export interface DemoDataOptions {
  customers: number;
  seed?: number;
  /** The day the data is generated "as of"; pass it to get identical data on another day. */
  today?: CalendarDate;
}

export interface DemoDataSummary {
  seed: number;
  customers: number;
  customersByCurrency: Record<string, number>;
  tariffs: number;
  subscriptions: number;
  endedSubscriptions: number;
  pendingCharges: number;
  /** The first month none of the data has been invoiced for. */
  nextPeriod: BillingMonth;
}

/** The database has data of its own; demo data would mix with it. */
export class DemoDataRefused extends Error {}

export const MAX_DEMO_CUSTOMERS = 1_000_000;
export const DEFAULT_DEMO_SEED = 42;
// ~15 columns a row keeps one INSERT well under Postgres's 65,535 bind parameters.
const CHUNK = 1_000;

async function refuseUnlessEmpty(tx: Prisma.TransactionClient): Promise<void> {
  const customers = await tx.customer.count();
  if (customers > 0) throw new DemoDataRefused(`the database already has ${customers} customer(s); demo data only goes into an empty database`);
  const clash = await tx.tariff.findMany({ where: { name: { in: DEMO_TARIFFS.map((t) => t.name) } }, select: { name: true } });
  if (clash.length > 0) throw new DemoDataRefused(`tariffs named ${clash.map((t) => `"${t.name}"`).join(', ')} already exist; demo data only goes into an empty database`);
}

async function insertTariffs(tx: Prisma.TransactionClient): Promise<Map<string, number>> {
  const rows = await tx.tariff.createManyAndReturn({
    data: DEMO_TARIFFS.map(({ region, popularity: _popularity, priceMinor, ...t }) => ({ ...t, priceMinor: BigInt(priceMinor), currency: REGION_SETTINGS[region].currency })),
    select: { id: true, name: true },
  });
  return new Map(rows.map((t) => [t.name, t.id]));
}

async function insertCustomers(tx: Prisma.TransactionClient, plans: DemoCustomerPlan[], tariffIds: Map<string, number>): Promise<void> {
  for (let start = 0; start < plans.length; start += CHUNK) {
    const chunk = plans.slice(start, start + CHUNK);
    const created = await tx.customer.createManyAndReturn({ data: chunk.map((p) => p.customer), select: { id: true, username: true } });
    const idOf = new Map(created.map((c) => [c.username, c.id]));
    const owned = chunk.map((p) => ({ plan: p, customerId: idOf.get(p.customer.username)! }));
    await tx.subscription.createMany({
      data: owned.flatMap(({ plan, customerId }) => plan.subscriptions.map((s) => ({
        customerId,
        tariffId: tariffIds.get(s.tariffName)!,
        startsOn: dateColumn(s.startsOn),
        endsOn: s.endsOn ? dateColumn(s.endsOn) : null,
        priceOverrideMinor: s.priceOverrideMinor === null ? null : BigInt(s.priceOverrideMinor),
        discountPercentBp: s.discountPercentBp,
        discountFixedMinor: BigInt(s.discountFixedMinor),
      }))),
    });
    await tx.charge.createMany({
      data: owned.flatMap(({ plan, customerId }) => plan.charges.map((c) => ({ customerId, ...c, amountMinor: BigInt(c.amountMinor) }))),
    });
  }
}

function summarise(plans: DemoCustomerPlan[], seed: number, today: CalendarDate): DemoDataSummary {
  const customersByCurrency: Record<string, number> = {};
  for (const p of plans) customersByCurrency[p.customer.currency] = (customersByCurrency[p.customer.currency] ?? 0) + 1;
  const subscriptions = plans.flatMap((p) => p.subscriptions);
  return {
    seed,
    customers: plans.length,
    customersByCurrency,
    tariffs: DEMO_TARIFFS.length,
    subscriptions: subscriptions.length,
    endedSubscriptions: subscriptions.filter((s) => s.endsOn !== null).length,
    pendingCharges: plans.reduce((n, p) => n + p.charges.length, 0),
    nextPeriod: addBillingMonths(billingMonthOf(today), 1),
  };
}

/**
 * Fills an empty database with tariffs, customers (Bangladesh and Czechia), their
 * subscriptions and a few pending charges, in one transaction, deterministically
 * for a given seed and day. Also used by the benchmark to build its data set.
 */
export async function seedDemoData(db: Db, options: DemoDataOptions): Promise<DemoDataSummary> {
  const { customers, seed = DEFAULT_DEMO_SEED, today = new Date().toISOString().slice(0, 10) } = options;
  if (!Number.isSafeInteger(customers) || customers < 1 || customers > MAX_DEMO_CUSTOMERS) throw new RangeError(`customers must be a whole number from 1 to ${MAX_DEMO_CUSTOMERS}, got ${customers}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!isCalendarDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got ${today}`);
  const plans = planDemoCustomers(customers, seed, today);
  const summary = summarise(plans, seed, today);
  await db.$transaction(async (tx) => {
    // Blocks concurrent inserts, so "empty" stays true until this commits.
    await tx.$executeRaw`lock table customers in share row exclusive mode`;
    await refuseUnlessEmpty(tx);
    const tariffIds = await insertTariffs(tx);
    await insertCustomers(tx, plans, tariffIds);
    await audit(tx, { actor: { type: 'system', id: 'demo-data' }, action: 'demo.seeded', entityType: 'database', entityId: 'demo', data: { ...summary, customersByCurrency: { ...summary.customersByCurrency } } });
  }, { timeout: 30 * 60_000, maxWait: 30_000 });
  return summary;
}
