import path from 'node:path';
import { ConfigError, type Config } from './config';
import { checkDatabase, ensureDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';
import { DATA_DIR } from './paths';
import { logger } from './logger';

/**
 * DATABASE_URL, or the embedded Postgres under .data/ (reused when `npm start` runs it,
 * started for the duration otherwise), migrated. For CLI commands that need only the database.
 */
export async function openDatabaseTarget(config: Config, upTo?: string): Promise<{ databaseUrl: string; applied: string[]; databaseDir?: string; release(): Promise<void> }> {
  if (config.DATABASE_URL) {
    await checkDatabase(config.DATABASE_URL);
    return { databaseUrl: config.DATABASE_URL, applied: await migrate(config.DATABASE_URL, upTo), release: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ rootDir: path.join(DATA_DIR, 'postgres'), port: config.SETTLE_PG_PORT, durable: true });
  try {
    const databaseUrl = await ensureDatabase(pg.serverUrl, 'settle');
    return { databaseUrl, applied: await migrate(databaseUrl, upTo), databaseDir: pg.rootDir, release: pg.stop };
  } catch (err) {
    await pg.stop();
    throw err;
  }
}

/** Applies pending migrations; one that fails is one line naming it and the database's reason. */
export async function migrate(databaseUrl: string, upTo?: string): Promise<string[]> {
  const applied = await applyMigrations(databaseUrl, upTo).catch((err: Error) => {
    throw new ConfigError(`database migration failed: ${migrationFailure(err.message)}`);
  });
  if (applied.length) logger.info({ applied }, 'database migrated');
  return applied;
}

// The schema engine's message: "...\nERROR: <reason>\n   0: ...apply_script\n  with migration_name=\"<name>\"...".
function migrationFailure(message: string): string {
  const name = /migration_name="([^"]+)"/.exec(message)?.[1];
  const reason = /ERROR: (.*)/.exec(message)?.[1] ?? message.split('\n')[0];
  return name ? `${name}: ${reason}` : reason!;
}
