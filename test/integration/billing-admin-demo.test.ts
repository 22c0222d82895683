import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadBillablePage } from '../../data/billable-customers';
import { composeInvoice } from '../../domain/billing';
import type { Db } from '../../infra/prisma';
import { DemoDataRefused, seedDemoData } from '../../services/demo-data.service';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = path.resolve(__dirname, '..', '..');
const OPTIONS = { customers: 500, seed: 42, today: '2026-11-23' };

function cli(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/index.ts'), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Everything the seed wrote, keyed by natural keys so two databases compare equal. */
async function snapshot(db: Db) {
  const customers = await db.customer.findMany({ orderBy: { username: 'asc' }, include: { subscriptions: { include: { tariff: { select: { name: true } } }, orderBy: { startsOn: 'asc' } }, charges: true } });
  return customers.map(({ id: _id, createdAt: _c, subscriptions, charges, ...c }) => ({
    ...c,
    subscriptions: subscriptions.map((s) => [s.tariff.name, s.startsOn, s.endsOn, s.priceOverrideMinor, s.discountPercentBp, s.discountFixedMinor]),
    charges: charges.map((ch) => [ch.kind, ch.description, ch.amountMinor, ch.taxRateBp]),
  }));
}

describe('demo data', () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('fills an empty database with the counts it reports, unique usernames and references, and matching currencies', async () => {
    const summary = await seedDemoData(a.db, OPTIONS);
    expect(summary).toMatchObject({ seed: 42, customers: 500, nextPeriod: '2026-12' });
    expect(summary.customersByCurrency.BDT! + summary.customersByCurrency.CZK!).toBe(500);
    expect(summary.customersByCurrency.BDT! / 500).toBeGreaterThan(0.6);

    const [customers, tariffs, subscriptions, charges] = await Promise.all([a.db.customer.count(), a.db.tariff.count(), a.db.subscription.count(), a.db.charge.count()]);
    expect([customers, tariffs, subscriptions, charges]).toEqual([500, summary.tariffs, summary.subscriptions, summary.pendingCharges]);
    expect(subscriptions).toBeGreaterThan(500);

    const [distinct] = await a.db.$queryRaw<Array<{ usernames: bigint; refs: bigint; numeric: bigint }>>`
      select count(distinct username) as usernames, count(distinct payment_reference) as refs,
             count(*) filter (where payment_reference ~ '^[0-9]+$') as numeric from customers`;
    expect(distinct).toEqual({ usernames: 500n, refs: 500n, numeric: 500n });

    const [mismatch] = await a.db.$queryRaw<Array<{ n: bigint }>>`
      select count(*) as n from subscriptions s join customers c on c.id = s.customer_id join tariffs t on t.id = s.tariff_id where t.currency <> c.currency`;
    expect(mismatch!.n).toBe(0n);
    const perCustomer = await a.db.subscription.groupBy({ by: ['customerId'], _count: { _all: true } });
    expect(perCustomer).toHaveLength(500);
    expect(perCustomer.every((g) => g._count._all >= 1 && g._count._all <= 3)).toBe(true);
    expect(await a.db.subscription.count({ where: { startsOn: { gte: new Date('2026-11-01') } } })).toBe(0);

    const czech = await a.db.customer.findFirstOrThrow({ where: { currency: 'CZK' } });
    expect(czech).toMatchObject({ timezone: 'Europe/Prague', language: 'cs' });
    expect(await a.db.auditLog.count({ where: { action: 'demo.seeded' } })).toBe(1);
  });

  it('writes the same data for the same seed and day', async () => {
    await seedDemoData(b.db, OPTIONS);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  });

  it('is billable for the next period: every customer composes an invoice (quarterly and annual ones when due)', async () => {
    const rows = await loadBillablePage(a.db, '2026-12', 0, 1_000);
    expect(rows).toHaveLength(500);
    const invoices = rows.map((r) => composeInvoice(r, '2026-12', '2026-12-01', 14));
    const issued = invoices.filter((i) => i !== null);
    expect(issued.length).toBeGreaterThan(450);
    for (const i of issued) {
      expect(i.totalMinor).toBeGreaterThan(0);
      expect(i.lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(i.totalMinor);
    }
  });

  it('refuses a database that already has customers, from the service and the CLI, and changes nothing', async () => {
    await expect(seedDemoData(a.db, OPTIONS)).rejects.toThrow(DemoDataRefused);
    await expect(seedDemoData(a.db, OPTIONS)).rejects.toThrow('the database already has 500 customer(s); demo data only goes into an empty database');
    const r = await cli(a.url, ['demo', '--customers', '10']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('settle: demo: the database already has 500 customer(s); demo data only goes into an empty database');
    expect([await a.db.customer.count(), await a.db.tariff.count()]).toEqual([500, 20]);
  });

  it('runs from the CLI on an empty database, prints a summary and the next step', async () => {
    const fresh = await createTestDatabase();
    try {
      const bad = await cli(fresh.url, ['demo', '--customers', '0']);
      expect([bad.code, bad.stderr.trim()]).toEqual([1, 'settle: --customers: must be at least 1']);
      const r = await cli(fresh.url, ['demo', '--customers', '25', '--seed', '7']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/customers\s+25 \(\d+ BDT, \d+ CZK\)/);
      expect(r.stdout).toMatch(/npm run cli -- billing-run --period \d{4}-\d{2} --dry-run/);
      expect(await fresh.db.customer.count()).toBe(25);
    } finally {
      await fresh.drop();
    }
  });
});
