import { startTestSystem, type TestSystem } from '../support/test-system';
import { auditTrail, newCustomer, newSubscription, newTariff, reasonFor, tariffBody } from './billing-admin-fixtures';

describe('tariffs API', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let manager: { id: number; key: string };
  let support: string;
  let reseller: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    manager = await sys.operatorKey('manager', 'Manager Tapan');
    support = (await sys.operatorKey('support')).key;
    reseller = (await sys.operatorKey('reseller')).key;
  });
  afterAll(() => sys?.stop());

  it('creates a tariff with defaults, lists it, and audits who created it', async () => {
    const created = await sys.call(clerk.key, 'POST', '/v1/tariffs', { name: 'Home 10 Mbps', serviceKind: 'internet', priceMinor: 80_000, taxRateBp: 500, speedProfile: '10M/10M', throttledProfile: '1M/1M' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Home 10 Mbps', serviceKind: 'internet', priceMinor: 80_000, currency: 'BDT', billingCycle: 'monthly',
      taxRateBp: 500, pricesIncludeTax: true, speedProfile: '10M/10M', throttledProfile: '1M/1M', active: true,
    });
    const row = await sys.db.tariff.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.priceMinor).toBe(80_000n);

    for (const key of [support, reseller]) {
      const list = await sys.call(key, 'GET', '/v1/tariffs');
      expect(list.status).toBe(200);
      expect(list.body.items.map((t: { id: number }) => t.id)).toContain(created.body.id);
    }
    expect((await sys.call(support, 'GET', `/v1/tariffs/${created.body.id}`)).body.name).toBe('Home 10 Mbps');

    const trail = await auditTrail(sys, 'tariff', created.body.id);
    expect(trail).toEqual([['tariff.created', String(clerk.id), { before: null, after: expect.objectContaining({ name: 'Home 10 Mbps', priceMinor: 80_000 }) }]]);
  });

  it('patches price and active flag, audits before and after, and filters by active', async () => {
    const t = await newTariff(sys, clerk.key, { priceMinor: 100_000 });
    const patched = await sys.call(manager.key, 'PATCH', `/v1/tariffs/${t.id}`, { priceMinor: 120_000, active: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: t.id, priceMinor: 120_000, active: false, name: t.name });

    const [, update] = await auditTrail(sys, 'tariff', t.id);
    expect(update![0]).toBe('tariff.updated');
    expect(update![1]).toBe(String(manager.id));
    expect(update![2].before).toMatchObject({ priceMinor: 100_000, active: true });
    expect(update![2].after).toMatchObject({ priceMinor: 120_000, active: false });

    const active = await sys.call(clerk.key, 'GET', '/v1/tariffs?active=true');
    expect(active.body.items.map((x: { id: number }) => x.id)).not.toContain(t.id);
    const inactive = await sys.call(clerk.key, 'GET', '/v1/tariffs?active=false');
    expect(inactive.body.items.map((x: { id: number }) => x.id)).toContain(t.id);
  });

  it('answers 400 with field and reason for a negative price and writes nothing', async () => {
    const [tariffs, audits] = [await sys.db.tariff.count(), await sys.db.auditLog.count()];
    const created = await sys.call(clerk.key, 'POST', '/v1/tariffs', tariffBody({ priceMinor: -1 }));
    expect(created.status).toBe(400);
    expect(reasonFor(created.body, 'body.priceMinor')).toMatch(/negative/);

    const t = await newTariff(sys, clerk.key, { priceMinor: 50_000 });
    const patched = await sys.call(clerk.key, 'PATCH', `/v1/tariffs/${t.id}`, { priceMinor: -500 });
    expect(patched.status).toBe(400);
    expect(reasonFor(patched.body, 'body.priceMinor')).toMatch(/negative/);
    expect((await sys.db.tariff.findUniqueOrThrow({ where: { id: t.id } })).priceMinor).toBe(50_000n);
    expect([await sys.db.tariff.count(), await sys.db.auditLog.count()]).toEqual([tariffs + 1, audits + 1]);
  });

  it.each([
    [{ priceMinor: 10.5 }, 'body.priceMinor'],
    [{ serviceKind: 'satellite' }, 'body.serviceKind'],
    [{ billingCycle: 'weekly' }, 'body.billingCycle'],
    [{ taxRateBp: 10_001 }, 'body.taxRateBp'],
    [{ taxRateBp: -1 }, 'body.taxRateBp'],
    [{ currency: 'taka' }, 'body.currency'],
    [{ speedProfile: '' }, 'body.speedProfile'],
    [{ name: '   ' }, 'body.name'],
  ])('rejects %j with 400 naming %s', async (override, field) => {
    const before = await sys.db.tariff.count();
    const r = await sys.call(clerk.key, 'POST', '/v1/tariffs', tariffBody(override));
    expect(r.status).toBe(400);
    expect(reasonFor(r.body, field)).toEqual(expect.any(String));
    expect(await sys.db.tariff.count()).toBe(before);
  });

  it('refuses a duplicate name (409), an empty patch (400), unknown ids (404) and non-staff writers (403)', async () => {
    const t = await newTariff(sys, clerk.key);
    const dup = await sys.call(clerk.key, 'POST', '/v1/tariffs', tariffBody({ name: t.name }));
    expect(dup.status).toBe(409);
    expect(dup.body.issues[0].field).toBe('body.name');
    const other = await newTariff(sys, clerk.key);
    expect((await sys.call(clerk.key, 'PATCH', `/v1/tariffs/${other.id}`, { name: t.name })).status).toBe(409);
    expect((await sys.call(clerk.key, 'PATCH', `/v1/tariffs/${t.id}`, {})).status).toBe(400);
    expect((await sys.call(clerk.key, 'PATCH', '/v1/tariffs/999999', { active: false })).status).toBe(404);
    expect((await sys.call(clerk.key, 'GET', '/v1/tariffs/999999')).status).toBe(404);
    expect((await sys.call(support, 'POST', '/v1/tariffs', tariffBody())).status).toBe(403);
    expect((await sys.call(reseller, 'PATCH', `/v1/tariffs/${t.id}`, { active: false })).status).toBe(403);
  });

  it('keeps the currency of a tariff that has subscribers', async () => {
    const t = await newTariff(sys, clerk.key);
    const unused = await newTariff(sys, clerk.key);
    const c = await newCustomer(sys, clerk.key);
    await newSubscription(sys, clerk.key, c.id, { tariffId: t.id, startsOn: '2026-10-01' });
    const r = await sys.call(clerk.key, 'PATCH', `/v1/tariffs/${t.id}`, { currency: 'CZK' });
    expect(r.status).toBe(409);
    expect(r.body.issues[0].field).toBe('body.currency');
    expect((await sys.call(clerk.key, 'PATCH', `/v1/tariffs/${unused.id}`, { currency: 'CZK' })).body.currency).toBe('CZK');
  });
});
