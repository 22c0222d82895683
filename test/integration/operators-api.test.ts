import { OPERATOR_CACHE_TTL_MS } from '../../api/operator-cache';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { auditTrail } from './billing-admin-fixtures';

// Admins manage who holds a key: list, rename, disable, rotate. Every change is in the
// audit trail with the admin who made it; a withdrawn key stops working within the cache TTL.
describe('operators API', () => {
  let sys: TestSystem;
  let admin: { id: number; key: string };
  let manager: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    admin = await sys.operatorKey('admin', 'Admin Nasrin');
    manager = (await sys.operatorKey('manager', 'Manager Tapan')).key;
  });
  afterAll(() => sys?.stop());

  const withinTtl = OPERATOR_CACHE_TTL_MS + 3_000;

  it('lists operators without their keys; only an admin may, or change them', async () => {
    const list = await sys.call(admin.key, 'GET', '/v1/operators');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: admin.id, name: 'Admin Nasrin', role: 'admin', active: true })]));
    expect(JSON.stringify(list.body)).not.toContain(admin.key);
    expect(list.body.items[0]).not.toHaveProperty('apiKeyHash');

    expect((await sys.call(manager, 'GET', '/v1/operators')).status).toBe(403);
    expect((await sys.call(manager, 'PATCH', `/v1/operators/${admin.id}`, { active: false })).status).toBe(403);
    expect((await sys.call(manager, 'POST', `/v1/operators/${admin.id}/rotate-key`)).status).toBe(403);
    expect(await sys.db.operator.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ active: true });
  });

  it('renames and disables an operator, audited with who; the disabled key stops working within the cache TTL', async () => {
    const clerk = await sys.operatorKey('billing_clerk', 'Clerk Rina');
    expect((await sys.call(clerk.key, 'GET', '/v1/tariffs')).status).toBe(200);

    const renamed = await sys.call(admin.key, 'PATCH', `/v1/operators/${clerk.id}`, { name: 'Clerk Rina Das' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: clerk.id, name: 'Clerk Rina Das', active: true });

    const bad = await sys.call(admin.key, 'PATCH', `/v1/operators/${clerk.id}`, { name: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('name');

    const disabled = await sys.call(admin.key, 'PATCH', `/v1/operators/${clerk.id}`, { active: false });
    expect(disabled.body).toMatchObject({ active: false });
    await eventually(async () => (await sys.call(clerk.key, 'GET', '/v1/tariffs')).status === 401, withinTtl);

    expect(await auditTrail(sys, 'operator', clerk.id)).toEqual([
      ['operator.renamed', String(admin.id), { from: 'Clerk Rina', to: 'Clerk Rina Das' }],
      ['operator.disabled', String(admin.id), null],
    ]);
    expect((await sys.call(admin.key, 'PATCH', '/v1/operators/999999', { active: false })).status).toBe(404);
  });

  it('an admin cannot lock themselves out by disabling their own key', async () => {
    const self = await sys.call(admin.key, 'PATCH', `/v1/operators/${admin.id}`, { active: false });
    expect(self.status).toBe(409);
    expect((await sys.call(admin.key, 'GET', '/v1/operators')).status).toBe(200);
  });

  it('rotating returns the new key once; it works at once and the old key stops within the cache TTL', async () => {
    const clerk = await sys.operatorKey('billing_clerk', 'Clerk Mitu');
    expect((await sys.call(clerk.key, 'GET', '/v1/tariffs')).status).toBe(200);

    const rotated = await sys.call(admin.key, 'POST', `/v1/operators/${clerk.id}/rotate-key`);
    expect(rotated.status).toBe(200);
    const fresh: string = rotated.body.key;
    expect(fresh).toMatch(/^stl_/);
    expect(fresh).not.toBe(clerk.key);
    expect((await sys.call(fresh, 'GET', '/v1/tariffs')).status).toBe(200);
    await eventually(async () => (await sys.call(clerk.key, 'GET', '/v1/tariffs')).status === 401, withinTtl);

    const list = await sys.call(admin.key, 'GET', '/v1/operators');
    expect(JSON.stringify(list.body)).not.toContain(fresh);
    expect(await auditTrail(sys, 'operator', clerk.id)).toEqual([
      ['operator.key_rotated', String(admin.id), { oldPrefix: expect.any(String), newPrefix: rotated.body.apiKeyPrefix }],
    ]);
  });
});
