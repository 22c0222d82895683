import { createHash } from 'node:crypto';
import type { Db } from '../infra/prisma';

export interface StoredTimelineEntry {
  /** ISO instant */
  at: string;
  kind: string;
  summary: string;
}

/** One key per entry: equal entries (two signals in one workflow task) differ by their ordinal. */
function keyed<T extends StoredTimelineEntry>(entries: readonly T[]): Array<{ key: string; entry: T }> {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = `${entry.at}\n${entry.kind}\n${entry.summary}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    return { key: createHash('sha256').update(`${base}\n${ordinal}`).digest('base64url'), entry };
  });
}

/** Adds the entries not stored yet; the workflow sends its recent timeline each time, so most are. */
export async function recordTimeline(db: Pick<Db, 'dunningEvent'>, customerId: number, entries: readonly StoredTimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.dunningEvent.createMany({
    data: keyed(entries).map(({ key, entry }) => ({ customerId, at: new Date(entry.at), kind: entry.kind, summary: entry.summary, entryKey: key })),
    skipDuplicates: true,
  });
}

/** The customer's newest `limit` entries, oldest first, with those only the running workflow knows yet. */
export async function readTimeline(db: Pick<Db, 'dunningEvent'>, customerId: number, unrecorded: readonly StoredTimelineEntry[] = [], limit = 100): Promise<StoredTimelineEntry[]> {
  const rows = await db.dunningEvent.findMany({ where: { customerId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
  const stored = rows.reverse().map((r) => ({ at: r.at.toISOString(), kind: r.kind, summary: r.summary }));
  const known = new Set(keyed(stored).map((k) => k.key));
  const fresh = keyed(unrecorded).filter((k) => !known.has(k.key)).map((k) => k.entry);
  return [...stored, ...fresh].sort((a, b) => a.at.localeCompare(b.at)).slice(-limit);
}
