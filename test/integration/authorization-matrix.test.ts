import type { RouteOptions } from 'fastify';
import type { OperatorRole } from '../../prisma/generated/enums';
import { OPERATOR_CACHE_TTL_MS } from '../../api/operator-cache';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { readXlsx } from '../unit/support/xlsx-reader';
import { fetchText, manualPayment, newCustomer, newInvoice, parseCsv } from './payments-fixtures';

// Every route the app registers, seen through Fastify's onRoute hook: the expectations
// below come from each route's own config.roles, so a new route is covered the day it lands.
const mockRoutes: RouteOptions[] = [];
jest.mock('fastify', () => {
  const actual = jest.requireActual('fastify');
  const recording = (options: unknown) => {
    const app = actual(options);
    app.addHook('onRoute', (route: RouteOptions) => mockRoutes.push(route));
    return app;
  };
  return Object.assign(recording, actual, { default: recording, fastify: recording });
});

const ROLES: readonly OperatorRole[] = ['admin', 'manager', 'billing_clerk', 'reseller', 'support'];
type Who = OperatorRole | 'no key' | 'bad key' | 'disabled key';
const WHO: readonly Who[] = [...ROLES, 'no key', 'bad key', 'disabled key'];
// Routes that answer without an operator key, and why.
const PUBLIC = new Map([
  ['GET /health', 'load balancers and uptime checks'],
  ['POST /v1/webhooks/:gateway', 'gateways authenticate with an HMAC signature instead'],
]);

interface Route { method: string; url: string; roles?: readonly OperatorRole[] }

function registeredRoutes(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of mockRoutes) {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') seen.set(`${method} ${r.url}`, { method, url: r.url, roles: r.config?.roles });
    }
  }
  return [...seen.values()];
}

describe('who may call what', () => {
  let sys: TestSystem;
  const keys = {} as Record<Who, string | undefined>;
  const ids: Record<string, number> = {};

  async function send(who: Who, method: string, path: string, body?: unknown): Promise<number> {
    const key = keys[who];
    const res = await fetch(`${sys.api.url}${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** A concrete URL for a route: reads address the reseller's own customer, writes a record that does not exist. */
  function concrete(route: Route): string {
    return route.url.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'workflowId') return 'billing-run-none';
      return String(route.method === 'GET' && name === 'id' ? ids.own : 999_999);
    });
  }

  beforeAll(async () => {
    sys = await startTestSystem();
    const operators: Record<string, { id: number; key: string }> = {};
    for (const role of ROLES) operators[role] = await sys.operatorKey(role);
    for (const role of ROLES) keys[role] = operators[role]!.key;
    keys['bad key'] = 'stl_this-key-was-never-issued';
    const disabled = await sys.operatorKey('admin', 'Former admin');
    await sys.db.operator.update({ where: { id: disabled.id }, data: { active: false } });
    keys['disabled key'] = disabled.key;
    const otherReseller = await sys.operatorKey('reseller', 'Other reseller');

    ids.own = (await newCustomer(sys, keys.reseller!, { name: 'Own customer' })).id;
    ids.other = (await newCustomer(sys, otherReseller.key, { name: 'Other resellers customer' })).id;
    ids.house = (await newCustomer(sys, keys.billing_clerk!, { name: 'House customer' })).id;
    for (const customer of [ids.own!, ids.other!, ids.house!]) {
      await newInvoice(sys, customer, '2026-01', 5000);
      ids[`payment${customer}`] = (await sys.call(keys.billing_clerk!, 'POST', '/v1/payments', manualPayment(customer, 1000))).body.payment.id;
    }
  });
  afterAll(() => sys?.stop());

  it('sees the routes, and every /v1 route demands an operator key unless it is known to be public', () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const open = routes.filter((r) => !r.roles && r.url.startsWith('/v1')).map((r) => `${r.method} ${r.url}`);
    expect(open.filter((r) => !PUBLIC.has(r))).toEqual([]);
    for (const r of routes.filter((x) => x.roles)) expect([r.url, r.roles!.every((role) => ROLES.includes(role))]).toEqual([r.url, true]);
  });

  it('answers 401 without a valid key, 403 to roles a route does not list, and lets listed roles through', async () => {
    const failures: string[] = [];
    for (const route of registeredRoutes().filter((r) => r.roles)) {
      const path = concrete(route);
      for (const who of WHO) {
        const status = await send(who, route.method, path, route.method === 'GET' ? undefined : {});
        const allowed = (ROLES as readonly string[]).includes(who) && route.roles!.includes(who as OperatorRole);
        const expected = !(ROLES as readonly string[]).includes(who) ? status === 401 : allowed ? status < 500 && status !== 401 && status !== 403 : status === 403;
        if (!expected) failures.push(`${who} ${route.method} ${path} → ${status} (roles: ${route.roles!.join(', ')})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the public routes answer without a key', async () => {
    expect([200, 503]).toContain(await send('no key', 'GET', '/health'));
    expect(await send('no key', 'POST', '/v1/webhooks/bkash', {})).toBe(401); // no signature, not no key
  });

  it('holds the rules that matter most, by declaration and in practice', async () => {
    const roles = (method: string, url: string) => [...(registeredRoutes().find((r) => r.method === method && r.url === url)?.roles ?? [])].sort();
    expect(roles('PUT', '/v1/dunning/policy')).toEqual(['admin', 'manager']);
    expect(roles('POST', '/v1/payments')).not.toContain('support');
    expect(roles('POST', '/v1/payments/:id/reverse')).not.toContain('reseller');

    const payment = ids[`payment${ids.own}`];
    const table: Array<[Who, string, string, unknown, number | 'allowed']> = [
      ['support', 'POST', '/v1/payments', manualPayment(ids.house!, 100), 403],
      ['reseller', 'POST', `/v1/payments/${payment}/reverse`, { reason: 'not theirs to undo' }, 403],
      ['admin', 'PUT', '/v1/dunning/policy', { nonsense: true }, 'allowed'],
      ['manager', 'PUT', '/v1/dunning/policy', { nonsense: true }, 'allowed'],
      ['billing_clerk', 'PUT', '/v1/dunning/policy', {}, 403],
      ['reseller', 'PUT', '/v1/dunning/policy', {}, 403],
      ['support', 'PUT', '/v1/dunning/policy', {}, 403],
    ];
    for (const [who, method, path, body, expected] of table) {
      const status = await send(who, method, path, body);
      const ok = expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
      expect([who, method, path, ok ? 'as expected' : status]).toEqual([who, method, path, 'as expected']);
    }
    expect(await sys.db.payment.count({ where: { reversedAt: { not: null } } })).toBe(0);
  });

  it("hides other resellers' customers from a reseller as if they did not exist", async () => {
    for (const suffix of ['', '/statement', '/dunning']) {
      expect([suffix, await send('reseller', 'GET', `/v1/customers/${ids.other}${suffix}`)]).toEqual([suffix, 404]);
      expect([suffix, await send('reseller', 'GET', `/v1/customers/${ids.own}${suffix}`)]).toEqual([suffix, 200]);
    }
  });

  it("gives a reseller only their own customers' payments in the log, its exports and the reports", async () => {
    const log = await sys.call(keys.reseller!, 'GET', '/v1/payments?limit=500');
    expect(log.body.items.map((p: { customerId: number }) => p.customerId)).toEqual([ids.own]);
    const csv = parseCsv((await fetchText(sys, keys.reseller!, '/v1/payments/export.csv')).text.replace(/^\uFEFF/, ''));
    expect(csv.slice(1).map((row) => Number(row[csv[0]!.indexOf('customer_id')]))).toEqual([ids.own]);
    const xlsx = await fetch(`${sys.api.url}/v1/payments/export.xlsx`, { headers: { authorization: `Bearer ${keys.reseller}` } });
    const [header, ...rows] = readXlsx(Buffer.from(await xlsx.arrayBuffer())).rows;
    expect(rows.map((r) => r[header!.findIndex((c) => c?.text === 'customer_id')]!.value)).toEqual([ids.own]);
    const receivables = await sys.call(keys.reseller!, 'GET', '/v1/reports/receivables');
    expect(receivables.body.items.map((r: { customerId: number }) => r.customerId)).toEqual([ids.own]);
    // Staff see all three, so the filter above is doing the work.
    expect((await sys.call(keys.billing_clerk!, 'GET', '/v1/payments?limit=500')).body.items).toHaveLength(3);
  });

  it('stops a key within the operator cache TTL of the operator being disabled', async () => {
    const leaving = await sys.operatorKey('manager', 'Leaving manager');
    expect((await sys.call(leaving.key, 'GET', '/v1/payments?limit=1')).status).toBe(200);
    await sys.db.operator.update({ where: { id: leaving.id }, data: { active: false } });
    await eventually(async () => (await sys.call(leaving.key, 'GET', '/v1/payments?limit=1')).status === 401, OPERATOR_CACHE_TTL_MS + 2_000);
  });
});
