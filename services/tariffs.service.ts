import { ApiError, notFound } from '../api/errors';
import { audit, type Actor } from '../data/audit';
import type { Db } from '../infra/prisma';
import type { Prisma, Tariff } from '../prisma/generated/client';
import type { BillingCycle, ServiceKind } from '../prisma/generated/enums';

export interface TariffInput {
  name: string;
  serviceKind: ServiceKind;
  priceMinor: number;
  currency: string;
  billingCycle: BillingCycle;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  speedProfile: string;
  throttledProfile: string;
  active: boolean;
}

export interface TariffView extends TariffInput {
  id: number;
  createdAt: string;
}

export function tariffView(t: Tariff): TariffView {
  return {
    id: t.id,
    name: t.name,
    serviceKind: t.serviceKind,
    priceMinor: Number(t.priceMinor),
    currency: t.currency,
    billingCycle: t.billingCycle,
    taxRateBp: t.taxRateBp,
    pricesIncludeTax: t.pricesIncludeTax,
    speedProfile: t.speedProfile,
    throttledProfile: t.throttledProfile,
    active: t.active,
    createdAt: t.createdAt.toISOString(),
  };
}

function columns(input: Partial<TariffInput>): Prisma.TariffUncheckedUpdateInput {
  const { priceMinor, ...rest } = input;
  return { ...rest, ...(priceMinor === undefined ? {} : { priceMinor: BigInt(priceMinor) }) };
}

function nameTaken(err: unknown, name: string | undefined): ApiError | undefined {
  if ((err as { code?: string }).code !== 'P2002') return undefined;
  return new ApiError(409, 'conflict', `a tariff named "${name}" already exists`, 'body.name');
}

export async function listTariffs(db: Db, filter: { active?: boolean }): Promise<TariffView[]> {
  const rows = await db.tariff.findMany({ where: { active: filter.active }, orderBy: { id: 'asc' } });
  return rows.map(tariffView);
}

export async function getTariff(db: Db, id: number): Promise<TariffView> {
  const row = await db.tariff.findUnique({ where: { id } });
  if (!row) throw notFound(`tariff ${id}`);
  return tariffView(row);
}

export async function createTariff(db: Db, actor: Actor, input: TariffInput): Promise<TariffView> {
  try {
    return await db.$transaction(async (tx) => {
      const after = tariffView(await tx.tariff.create({ data: { ...input, priceMinor: BigInt(input.priceMinor) } }));
      await audit(tx, { actor, action: 'tariff.created', entityType: 'tariff', entityId: after.id, data: { before: null, after: { ...after } } });
      return after;
    });
  } catch (err) {
    throw nameTaken(err, input.name) ?? err;
  }
}

export async function updateTariff(db: Db, actor: Actor, id: number, patch: Partial<TariffInput>): Promise<TariffView> {
  try {
    return await db.$transaction(async (tx) => {
      // Row lock: two concurrent patches must each audit the state the other left.
      const locked = await tx.$queryRaw<Array<{ id: number }>>`select id from tariffs where id = ${id} for update`;
      if (locked.length === 0) throw notFound(`tariff ${id}`);
      const before = tariffView(await tx.tariff.findUniqueOrThrow({ where: { id } }));
      if (patch.currency !== undefined && patch.currency !== before.currency && (await tx.subscription.count({ where: { tariffId: id } })) > 0) {
        // Subscribers' invoices are in their own currency; re-pricing in another one is a new tariff.
        throw new ApiError(409, 'conflict', 'the tariff has subscriptions, so its currency cannot change; create a new tariff instead', 'body.currency');
      }
      const after = tariffView(await tx.tariff.update({ where: { id }, data: columns(patch) }));
      await audit(tx, { actor, action: 'tariff.updated', entityType: 'tariff', entityId: id, data: { before: { ...before }, after: { ...after } } });
      return after;
    });
  } catch (err) {
    throw nameTaken(err, patch.name) ?? err;
  }
}
