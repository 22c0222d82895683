import { performance } from 'node:perf_hooks';
import { Client as Pg } from 'pg';

/**
 * The least it costs Postgres to write rows our path wrote: each `select` in `sources` is
 * copied out to a file, then timed as one transaction of raw COPY into a fresh copy of its
 * table (same columns, defaults and indexes). Keys are the tables' names.
 */
export async function timedCopyInto(databaseUrl: string, sources: Record<string, string>): Promise<number> {
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  const file = (table: string) => `/tmp/settle-bench-${table}.copy`;
  try {
    for (const [table, query] of Object.entries(sources)) {
      await pg.query(`copy (${query}) to '${file(table)}'`);
      await pg.query(`create table bench_${table} (like ${table} including all)`);
    }
    const t0 = performance.now();
    await pg.query('begin');
    for (const table of Object.keys(sources)) await pg.query(`copy bench_${table} from '${file(table)}'`);
    await pg.query('commit');
    return (performance.now() - t0) / 1000;
  } finally {
    await pg.end();
  }
}
