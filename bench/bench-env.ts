import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../infra/database';
import { startEmbeddedPostgres } from '../infra/embedded-postgres';
import { freePort } from '../infra/free-port';
import { applyMigrations } from '../infra/migrations';
import { startTemporalDevServer } from '../infra/temporal-dev-server';

export interface BenchEnv {
  databaseUrl: string;
  serverUrl: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/** A fresh database and Temporal dev server for one benchmark, removed afterwards. */
export async function startBenchEnv(): Promise<BenchEnv> {
  const dir = mkdtempSync(path.join(tmpdir(), 'settle-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ rootDir: path.join(dir, 'pg'), port: await freePort(), durable: false });
  const databaseUrl = await ensureDatabase(pg.serverUrl, 'bench');
  await applyMigrations(databaseUrl);
  const temporal = await startTemporalDevServer({ port: await freePort(), namespace: 'default' });
  return {
    databaseUrl,
    serverUrl: pg.serverUrl,
    temporalAddress: temporal.address,
    async stop() {
      await temporal.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
