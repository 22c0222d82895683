import path from 'node:path';
import type { Config } from './config';
import { checkDatabase, ensureDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';
import { DATA_DIR } from './paths';
import { logger } from './logger';

/**
 * DATABASE_URL, or the embedded Postgres under .data/ (reused when `npm start` runs it,
 * started for the duration otherwise), migrated. For CLI commands that need only the database.
 */
export async function openDatabaseTarget(config: Config): Promise<{ databaseUrl: string; release(): Promise<void> }> {
  if (config.DATABASE_URL) {
    await checkDatabase(config.DATABASE_URL);
    await migrate(config.DATABASE_URL);
    return { databaseUrl: config.DATABASE_URL, release: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ rootDir: path.join(DATA_DIR, 'postgres'), port: config.SETTLE_PG_PORT, durable: true });
  const databaseUrl = await ensureDatabase(pg.serverUrl, 'settle');
  await migrate(databaseUrl);
  return { databaseUrl, release: pg.stop };
}

async function migrate(databaseUrl: string): Promise<void> {
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) logger.info({ applied }, 'database migrated');
}
