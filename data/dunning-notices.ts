import type { Db } from '../infra/prisma';

export interface NoticeClaim {
  customerId: number;
  invoiceId: number;
  template: string;
  channel: string;
  state: string;
  /** The notification_log key of this sending. */
  dedupeKey: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; earlier: { state: string; at: Date } };

/**
 * Claims "this invoice gets this notice by this channel" under the table's unique key.
 * The same sending retried (same dedupeKey) finds its own claim and goes on; any other
 * sending of that notice (another state, another policy) finds the earlier one.
 */
export async function claimDunningNotice(db: Pick<Db, 'dunningNotice'>, claim: NoticeClaim): Promise<ClaimResult> {
  await db.dunningNotice.createMany({ data: [claim], skipDuplicates: true });
  const row = await db.dunningNotice.findUniqueOrThrow({
    where: { invoiceId_template_channel: { invoiceId: claim.invoiceId, template: claim.template, channel: claim.channel } },
  });
  return row.dedupeKey === claim.dedupeKey ? { claimed: true } : { claimed: false, earlier: { state: row.state, at: row.createdAt } };
}
