import { audit } from '../data/audit';
import type { ActivityDeps } from './deps';

/** A one-off late fee for the next invoice, at most once per (invoice, dunning state). */
export function addLateFee(deps: ActivityDeps) {
  return async function addLateFee(fee: { customerId: number; invoiceId: number | null; state: string; amountMinor: number }): Promise<boolean> {
    const sourceKey = `late-fee:${fee.customerId}:${fee.invoiceId ?? 'none'}:${fee.state}`;
    return deps.db.$transaction(async (tx) => {
      const created = await tx.charge.createMany({
        data: [{ customerId: fee.customerId, kind: 'late_fee', description: 'Late payment fee', amountMinor: BigInt(fee.amountMinor), sourceKey }],
        skipDuplicates: true,
      });
      if (created.count === 0) return false;
      await audit(tx, { actor: { type: 'system', id: 'dunning' }, action: 'charge.late_fee_added', entityType: 'customer', entityId: fee.customerId, reason: `dunning state ${fee.state}`, data: { amountMinor: fee.amountMinor, sourceKey } });
      return true;
    });
  };
}
