// Setup shared by the billing-admin test files (tariffs, subscriptions, charges,
// billing settings, invoices).
import type { TestSystem } from '../support/test-system';
import { unique } from './payments-fixtures';

export { newCustomer, unique } from './payments-fixtures';

export function tariffBody(overrides: Record<string, unknown> = {}) {
  return { name: unique('Home 20 Mbps '), serviceKind: 'internet', priceMinor: 100_000, speedProfile: '20M/20M', throttledProfile: '1M/1M', ...overrides };
}

export async function newTariff(sys: TestSystem, key: string, overrides: Record<string, unknown> = {}): Promise<{ id: number; name: string }> {
  const r = await sys.call(key, 'POST', '/v1/tariffs', tariffBody(overrides));
  if (r.status !== 201) throw new Error(`tariff not created: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, name: r.body.name };
}

export async function newSubscription(sys: TestSystem, key: string, customerId: number, body: Record<string, unknown>): Promise<number> {
  const r = await sys.call(key, 'POST', `/v1/customers/${customerId}/subscriptions`, body);
  if (r.status !== 201) throw new Error(`subscription not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** The audit rows about one entity, oldest first, as [action, actor id, data]. */
export async function auditTrail(sys: TestSystem, entityType: string, entityId: number): Promise<Array<[string, string | null, any]>> {
  const rows = await sys.db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: 'asc' } });
  return rows.map((r) => [r.action, r.actorId, r.data]);
}

/** The reason given for `field` in a 400 answer, or undefined when the field is not named. */
export function reasonFor(body: { issues?: Array<{ field: string; reason: string }> }, field: string): string | undefined {
  return body.issues?.find((i) => i.field === field)?.reason;
}
