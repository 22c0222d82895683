import type { Caller } from '../api/auth';
import { audit, operatorActor } from '../data/audit';
import type { Db } from '../infra/prisma';
import type { Charge } from '../prisma/generated/client';
import type { ChargeKind } from '../prisma/generated/enums';
import { changeVisibleCustomer } from './customer-change';
import { getVisibleCustomer } from './customers.service';

export interface NewCharge {
  kind: ChargeKind;
  description: string;
  amountMinor: number;
  taxRateBp?: number;
}

export interface ChargeView {
  id: number;
  customerId: number;
  kind: ChargeKind;
  description: string;
  amountMinor: number;
  currency: string;
  taxRateBp: number;
  /** The invoice that billed it; null while pending (the next invoice picks it up). */
  invoiceId: number | null;
  pending: boolean;
  createdAt: string;
}

type ChargeRow = Charge & { invoiceLine: { invoiceId: number } | null };

function chargeView(c: ChargeRow, currency: string): ChargeView {
  const invoiceId = c.invoiceLine?.invoiceId ?? null;
  return {
    id: c.id,
    customerId: c.customerId,
    kind: c.kind,
    description: c.description,
    amountMinor: Number(c.amountMinor),
    currency,
    taxRateBp: c.taxRateBp,
    invoiceId,
    pending: invoiceId === null,
    createdAt: c.createdAt.toISOString(),
  };
}

const withInvoice = { invoiceLine: { select: { invoiceId: true } } } as const;

export async function listCharges(db: Db, caller: Caller, customerId: number, filter: { pending?: boolean }): Promise<ChargeView[]> {
  const customer = await getVisibleCustomer(db, caller, customerId);
  const invoiceLine = filter.pending === undefined ? undefined : filter.pending ? null : { isNot: null };
  const rows = await db.charge.findMany({ where: { customerId, invoiceLine }, include: withInvoice, orderBy: { id: 'asc' } });
  return rows.map((c) => chargeView(c, customer.currency));
}

/** A one-off charge in the customer's currency, billed on their next invoice. */
export async function createCharge(db: Db, caller: Caller, customerId: number, input: NewCharge): Promise<ChargeView> {
  return changeVisibleCustomer(db, caller, customerId, async (tx, customer) => {
    const created = await tx.charge.create({
      data: { customerId, kind: input.kind, description: input.description, amountMinor: BigInt(input.amountMinor), taxRateBp: input.taxRateBp ?? 0 },
      include: withInvoice,
    });
    const after = chargeView(created, customer.currency);
    await audit(tx, { actor: operatorActor(caller.operatorId), action: 'charge.created', entityType: 'charge', entityId: created.id, data: { customerId, before: null, after: { ...after } } });
    return after;
  });
}
