import { defaultDunningPolicy, parsePolicy, type Policy } from '../domain/dunning';
import { ispCountry } from '../infra/config';
import type { Db } from '../infra/prisma';

export interface StoredPolicy {
  /** 0 is the built-in default for the ISP's country (ISP_COUNTRY), before anyone saved a policy. */
  version: number;
  policy: Policy;
}

export async function currentDunningPolicy(db: Pick<Db, 'dunningPolicy'>): Promise<StoredPolicy> {
  const row = await db.dunningPolicy.findFirst({ orderBy: { version: 'desc' } });
  if (!row) return { version: 0, policy: defaultDunningPolicy(ispCountry()) };
  return { version: row.version, policy: parsePolicy(row.document) };
}
