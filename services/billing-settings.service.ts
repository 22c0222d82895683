import type { Caller } from '../api/auth';
import { audit, operatorActor } from '../data/audit';
import type { Db } from '../infra/prisma';
import type { Customer } from '../prisma/generated/client';
import { changeVisibleCustomer } from './customer-change';

export interface BillingSettings {
  /** Day of month the customer's invoice is issued; 29–31 fall back to the month's last day. */
  billingDay: number;
  /** Days from issue to due date; null means the house default. */
  paymentTermsDays: number | null;
  taxExempt: boolean;
}

function settingsOf(c: Customer): BillingSettings {
  return { billingDay: c.billingDay, paymentTermsDays: c.paymentTermsDays, taxExempt: c.taxExempt };
}

export async function updateBillingSettings(db: Db, caller: Caller, customerId: number, patch: Partial<BillingSettings>): Promise<BillingSettings & { customerId: number }> {
  return changeVisibleCustomer(db, caller, customerId, async (tx, customer) => {
    const before = settingsOf(customer);
    const after = settingsOf(await tx.customer.update({ where: { id: customerId }, data: patch }));
    await audit(tx, { actor: operatorActor(caller.operatorId), action: 'customer.billing_settings_changed', entityType: 'customer', entityId: customerId, data: { before: { ...before }, after: { ...after } } });
    return { customerId, ...after };
  });
}
