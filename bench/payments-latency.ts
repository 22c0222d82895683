import { performance } from 'node:perf_hooks';
import type { Client as Pg } from 'pg';
import { paymentLogSql, type PaymentLogFilter, type PaymentLogKey } from '../data/payment-log';
import { containsPattern, matchingCustomersSql, MAX_LISTED_CUSTOMERS } from '../data/payment-search';
import { addDays } from '../domain/dunning/zoned-time';
import type { Prisma } from '../prisma/generated/client';
import { seededRandom } from '../services/demo/seeded-random';
import { paymentLogFilter, type PaymentLogQuery } from '../services/payment-log.service';
import { note, percentile } from './bench-log';

// The Customer Payments page through our HTTP API, beside the very SQL it runs sent
// straight to Postgres: each sample is timed on both sides, one right after the other.

const LIMIT = 50;
const METHODS = ['cash', 'bkash', 'nagad', 'recharge_card', 'bank_transfer'] as const;
const ADMIN = { operatorId: 0, name: 'bench', role: 'admin' as const };

export interface Latencies { apiP95Ms: number; rawP95Ms: number }

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await run();
  return [result, performance.now() - t0];
}

async function rawPage(pg: Pg, query: PaymentLogQuery, after: PaymentLogKey | undefined): Promise<PaymentLogKey | undefined> {
  const filter: PaymentLogFilter = paymentLogFilter(ADMIN, query);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const ids = (await send(pg, matchingCustomersSql(pattern, undefined))).map((r) => r.id as number);
    filter.search = { pattern, customerIds: ids.length > MAX_LISTED_CUSTOMERS ? null : ids };
  }
  const rows = await send(pg, paymentLogSql(filter, after, LIMIT + 1));
  const last = rows[LIMIT - 1];
  return rows.length > LIMIT && last ? { recordedAt: last.recordedAt as Date, id: last.id as number } : undefined;
}

async function send(pg: Pg, sql: Prisma.Sql): Promise<Array<Record<string, unknown>>> {
  return (await pg.query(sql.text, sql.values as unknown[])).rows;
}

function apiGet(apiUrl: string, key: string) {
  return async (query: PaymentLogQuery, cursor?: string): Promise<string | undefined> => {
    const params = new URLSearchParams(Object.entries({ ...query, limit: LIMIT, ...(cursor ? { cursor } : {}) }).map(([k, v]): [string, string] => [k, String(v)]));
    const res = await fetch(`${apiUrl}/v1/payments?${params}`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`GET /v1/payments?${params}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { nextCursor: string | null }).nextCursor ?? undefined;
  };
}

/** A 30-day window and a method, then the next page by its cursor (API) or key (SQL). */
export async function pageLatency(apiUrl: string, key: string, pg: Pg, samples: number): Promise<Latencies> {
  const rng = seededRandom(11);
  const get = apiGet(apiUrl, key);
  const api: number[] = [];
  const raw: number[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < samples; i++) {
    const from = addDays(today, -rng.int(30, 700));
    const query: PaymentLogQuery = { from, to: addDays(from, 29), tz: 'Asia/Dhaka', method: rng.pick(METHODS) };
    const [cursor, apiFirst] = await timed(() => get(query));
    const [key1, rawFirst] = await timed(() => rawPage(pg, query, undefined));
    const [, apiNext] = await timed(() => get(query, cursor));
    const [, rawNext] = await timed(() => rawPage(pg, query, key1));
    if (i < 5) continue; // the first few warm up connections and caches
    api.push(apiFirst, apiNext);
    raw.push(rawFirst, rawNext);
  }
  return { apiP95Ms: percentile(api, 95), rawP95Ms: percentile(raw, 95) };
}

/** Each term alone and with a method filter, as a clerk narrows a search. */
export async function searchLatency(apiUrl: string, key: string, pg: Pg, terms: readonly string[], rounds: number): Promise<Latencies> {
  const get = apiGet(apiUrl, key);
  const api: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const term of terms) {
      for (const query of [{ tz: 'Asia/Dhaka', q: term }, { tz: 'Asia/Dhaka', q: term, method: 'cash' as const }]) {
        const [, apiMs] = await timed(() => get(query));
        const [, rawMs] = await timed(() => rawPage(pg, query, undefined));
        if (round === 0) continue; // warm-up
        api.push(apiMs);
        raw.push(rawMs);
        if (round === 1 && apiMs > 300) note(`slow search ${JSON.stringify(query)}: ${apiMs.toFixed(0)} ms`);
      }
    }
  }
  return { apiP95Ms: percentile(api, 95), rawP95Ms: percentile(raw, 95) };
}
