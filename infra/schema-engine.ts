import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Glue = { SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } };
let gluePromise: Promise<Glue> | undefined;
let lastPanic: string | undefined;

// Prisma's wasm schema engine, instantiated by hand: its package entry expects a
// bundler to import the .wasm file, and the native engine cannot be downloaded here.
// One wasm instance serves the whole process.
async function loadGlue(): Promise<Glue> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  // A real dynamic import: the glue module is ESM and TypeScript would turn import() into require().
  const importEsm = new Function('p', 'return import(p)') as (p: string) => Promise<any>;
  const glue = await importEsm(path.join(pkgDir, 'schema_engine_bg.js'));
  (globalThis as any).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => (lastPanic = m) };
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await (globalThis as any).WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as any).__wbindgen_start?.();
  return glue;
}

/**
 * Runs `use` with a schema engine on `databaseUrl`, then frees the engine and closes
 * its connections (an open one would keep Prisma's migration advisory lock).
 */
export async function withSchemaEngine<T>(databaseUrl: string, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: SqlDriverAdapter[] = [];
  const tracking = Object.assign(Object.create(factory), {
    connect: async () => opened[opened.push(await factory.connect()) - 1],
    connectToShadowDb: async () => opened[opened.push(await factory.connectToShadowDb()) - 1],
  });
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => undefined, bindMigrationAwareSqlAdapterFactory(tracking));
    return await use(engine);
  } catch (err) {
    throw lastPanic ? new Error(`Prisma schema engine panicked: ${lastPanic}`) : err;
  } finally {
    engine?.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
  }
}
