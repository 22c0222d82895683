import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { withSchemaEngine } from './schema-engine';

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'prisma', 'migrations');
export const SCHEMA_PATH = path.resolve(__dirname, '..', 'prisma', 'schema.prisma');
const NO_FILTER = { externalTables: [], externalEnums: [] };

async function loadMigrations(upTo?: string): Promise<MigrationList> {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) => upTo === undefined || name <= upTo)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((err: Error) => ({ tag: 'error' as const, value: err.message })),
      },
    })),
  );
  return { baseDir: MIGRATIONS_DIR, lockfile: { path: 'migration_lock.toml', content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

/**
 * Applies pending migrations the way `prisma migrate deploy` does, recording them in
 * `_prisma_migrations`; `upTo` (a migration's directory name) stops there, as an older release would.
 */
export async function applyMigrations(databaseUrl: string, upTo?: string): Promise<string[]> {
  const migrationsList = await loadMigrations(upTo);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/** The engine needs a live connection even to diff two datamodels. SQL that takes a database from `fromSchema` (empty when absent) to the current schema.prisma. */
export async function diffSchemaSql(databaseUrl: string, fromSchema: string | undefined): Promise<string> {
  const content = await readFile(SCHEMA_PATH, 'utf8');
  return withSchemaEngine(databaseUrl, async (engine) => {
    const from = fromSchema === undefined
      ? { tag: 'empty' as const }
      : { tag: 'schemaDatamodel' as const, files: [{ path: 'old.prisma', content: fromSchema }] };
    const to = { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] };
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER });
    return result.stdout ?? '';
  });
}
