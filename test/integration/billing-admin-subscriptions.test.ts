import { startTestSystem, type TestSystem } from '../support/test-system';
import { auditTrail, newCustomer, newSubscription, newTariff, reasonFor } from './billing-admin-fixtures';

describe('subscriptions API', () => {
  let sys: TestSystem;
  let clerk: { id: number; key: string };
  let reseller: { id: number; key: string };
  let home20: number;
  let home40: number;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    reseller = await sys.operatorKey('reseller', 'Reseller Mirpur');
    home20 = (await newTariff(sys, clerk.key, { priceMinor: 100_000 })).id;
    home40 = (await newTariff(sys, clerk.key, { priceMinor: 150_000, speedProfile: '40M/40M' })).id;
  });
  afterAll(() => sys?.stop());

  it('subscribes, changes tariff mid-month into two subscriptions, then ends the new one', async () => {
    const c = await newCustomer(sys, clerk.key);
    const created = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions`, { tariffId: home20, startsOn: '2026-09-01', priceOverrideMinor: 90_000, discountPercentBp: 1000, discountFixedMinor: 5_000 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ customerId: c.id, tariffId: home20, startsOn: '2026-09-01', endsOn: null, priceOverrideMinor: 90_000, discountPercentBp: 1000, discountFixedMinor: 5_000, serviceKind: 'internet', billingCycle: 'monthly' });
    const subId: number = created.body.id;

    const changed = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/${subId}/change-tariff`, { tariffId: home40, changeDate: '2026-11-16' });
    expect(changed.status).toBe(201);
    expect(changed.body.ended).toMatchObject({ id: subId, tariffId: home20, startsOn: '2026-09-01', endsOn: '2026-11-15' });
    expect(changed.body.started).toMatchObject({ tariffId: home40, startsOn: '2026-11-16', endsOn: null, discountPercentBp: 1000, discountFixedMinor: 5_000, priceOverrideMinor: null });

    const list = await sys.call(clerk.key, 'GET', `/v1/customers/${c.id}/subscriptions`);
    expect(list.body.items.map((s: any) => [s.tariffId, s.startsOn, s.endsOn])).toEqual([[home20, '2026-09-01', '2026-11-15'], [home40, '2026-11-16', null]]);
    const rows = await sys.db.subscription.findMany({ where: { customerId: c.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.startsOn.toISOString().slice(0, 10), r.endsOn?.toISOString().slice(0, 10) ?? null])).toEqual([['2026-09-01', '2026-11-15'], ['2026-11-16', null]]);

    const newId: number = changed.body.started.id;
    const ended = await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/${newId}/end`, { endsOn: '2027-01-31' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: newId, endsOn: '2027-01-31' });

    expect((await auditTrail(sys, 'subscription', subId)).map(([action, actor]) => [action, actor])).toEqual([
      ['subscription.created', String(clerk.id)], ['subscription.tariff_changed', String(clerk.id)],
    ]);
    const newTrail = await auditTrail(sys, 'subscription', newId);
    expect(newTrail.map(([action]) => action)).toEqual(['subscription.created', 'subscription.ended']);
    expect(newTrail[0]![2]).toMatchObject({ replaces: subId, after: { startsOn: '2026-11-16' } });
    expect(newTrail[1]![2]).toMatchObject({ before: { endsOn: null }, after: { endsOn: '2027-01-31' } });
  });

  it('validates dates, tariffs and the order of start, change and end, writing nothing on failure', async () => {
    const c = await newCustomer(sys, clerk.key);
    const inactive = (await newTariff(sys, clerk.key, { active: false })).id;
    const czk = (await newTariff(sys, clerk.key, { currency: 'CZK', priceMinor: 54_900 })).id;
    const subs = () => sys.db.subscription.count({ where: { customerId: c.id } });
    const post = (body: unknown) => sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions`, body);

    const cases: Array<[unknown, string, RegExp]> = [
      [{ tariffId: home20, startsOn: '2026-02-30' }, 'body.startsOn', /calendar date/],
      [{ tariffId: home20, startsOn: '1 Nov 2026' }, 'body.startsOn', /calendar date/],
      [{ tariffId: inactive, startsOn: '2026-11-01' }, 'body.tariffId', /not active/],
      [{ tariffId: czk, startsOn: '2026-11-01' }, 'body.tariffId', /CZK/],
      [{ tariffId: 999_999, startsOn: '2026-11-01' }, 'body.tariffId', /does not exist/],
      [{ tariffId: home20, startsOn: '2026-11-01', discountPercentBp: 10_001 }, 'body.discountPercentBp', /basis points/],
      [{ tariffId: home20, startsOn: '2026-11-01', discountFixedMinor: -1 }, 'body.discountFixedMinor', /negative/],
    ];
    for (const [body, field, reason] of cases) {
      const r = await post(body);
      expect({ body, status: r.status, reason: reasonFor(r.body, field) }).toEqual({ body, status: 400, reason: expect.stringMatching(reason) });
    }
    expect(await subs()).toBe(0);

    const subId = await newSubscription(sys, clerk.key, c.id, { tariffId: home20, startsOn: '2026-10-10' });
    const change = (body: unknown) => sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/${subId}/change-tariff`, body);
    expect((await change({ tariffId: home40, changeDate: '2026-10-10' })).status).toBe(400);
    expect(reasonFor((await change({ tariffId: home40, changeDate: '2026-10-01' })).body, 'body.changeDate')).toMatch(/after the subscription's start/);
    expect(reasonFor((await change({ tariffId: home20, changeDate: '2026-11-01' })).body, 'body.tariffId')).toMatch(/already on/);
    expect(reasonFor((await change({ tariffId: inactive, changeDate: '2026-11-01' })).body, 'body.tariffId')).toMatch(/not active/);
    expect((await change({ tariffId: home40, changeDate: '2026-13-01' })).status).toBe(400);

    const end = (endsOn: string) => sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/${subId}/end`, { endsOn });
    expect(reasonFor((await end('2026-10-09')).body, 'body.endsOn')).toMatch(/on or after/);
    expect((await end('2026-10-10')).status).toBe(200); // a one-day subscription is allowed
    expect((await end('2026-12-31')).status).toBe(409);
    expect((await change({ tariffId: home40, changeDate: '2026-11-01' })).status).toBe(409);

    expect(await subs()).toBe(1);
    expect((await auditTrail(sys, 'subscription', subId)).map(([action]) => action)).toEqual(['subscription.created', 'subscription.ended']);
    expect((await sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/999999/end`, { endsOn: '2026-12-31' })).status).toBe(404);
  });

  it("lets a reseller manage only their own customers' subscriptions; anyone else's are 404", async () => {
    const own = await newCustomer(sys, reseller.key);
    const foreign = await newCustomer(sys, clerk.key);
    const foreignSub = await newSubscription(sys, clerk.key, foreign.id, { tariffId: home20, startsOn: '2026-10-01' });

    const ownSub = await sys.call(reseller.key, 'POST', `/v1/customers/${own.id}/subscriptions`, { tariffId: home20, startsOn: '2026-10-01' });
    expect(ownSub.status).toBe(201);
    expect((await sys.call(reseller.key, 'GET', `/v1/customers/${own.id}/subscriptions`)).body.items).toHaveLength(1);

    const attempts = [
      sys.call(reseller.key, 'GET', `/v1/customers/${foreign.id}/subscriptions`),
      sys.call(reseller.key, 'POST', `/v1/customers/${foreign.id}/subscriptions`, { tariffId: home20, startsOn: '2026-10-01' }),
      sys.call(reseller.key, 'POST', `/v1/customers/${foreign.id}/subscriptions/${foreignSub}/change-tariff`, { tariffId: home40, changeDate: '2026-11-01' }),
      sys.call(reseller.key, 'POST', `/v1/customers/${foreign.id}/subscriptions/${foreignSub}/end`, { endsOn: '2026-11-30' }),
      // Their own customer id with someone else's subscription id.
      sys.call(reseller.key, 'POST', `/v1/customers/${own.id}/subscriptions/${foreignSub}/end`, { endsOn: '2026-11-30' }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await sys.db.subscription.findMany({ where: { customerId: foreign.id } })).toEqual([expect.objectContaining({ id: foreignSub, endsOn: null, tariffId: home20 })]);
  });

  it('serialises concurrent tariff changes of one subscription: one wins, the other finds it ended', async () => {
    const c = await newCustomer(sys, clerk.key);
    const subId = await newSubscription(sys, clerk.key, c.id, { tariffId: home20, startsOn: '2026-09-01' });
    const change = () => sys.call(clerk.key, 'POST', `/v1/customers/${c.id}/subscriptions/${subId}/change-tariff`, { tariffId: home40, changeDate: '2026-11-01' });
    const results = await Promise.all([change(), change()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await sys.db.subscription.count({ where: { customerId: c.id } })).toBe(2);
  });
});
