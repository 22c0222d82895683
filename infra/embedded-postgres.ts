import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runToEnd, spawnManaged } from './child-process';
import { logger } from './logger';
import { isRunning, readPidFile, stopGroup } from './pid-file';
import { placePostgres, type PostgresPlace } from './postgres-place';

export interface EmbeddedPostgresHandle {
  /** Server URL without a database name. */
  serverUrl: string;
  /** Where the cluster's files are (not the folder asked for when the postgres user cannot reach it). */
  rootDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  rootDir: string;
  port: number;
  /** Throwaway test clusters trade crash safety for speed. */
  durable: boolean;
}

const USER = 'postgres';
const PASSWORD = 'settle';
/** Postgres's fast shutdown; a minute for it before SIGKILL. */
const STOP = { stopSignal: 'SIGINT', graceMs: 60_000 } as const;

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

/**
 * Postgres's default 128 MB is smaller than a mid-size ISP's open invoices and payments: a
 * reconciliation then reads invoices back from the OS and evicts dirty pages itself.
 * An eighth of the machine's memory, at most 1 GB, is allocated only as it is used.
 */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(1024, Math.floor(totalmem() / 8 / 2 ** 20)));
}

async function initdb(place: PostgresPlace, dataDir: string): Promise<void> {
  const passwordFile = path.join(place.rootDir, 'password');
  writeFileSync(passwordFile, PASSWORD + '\n', { mode: 0o600 });
  if (place.user) chownSync(passwordFile, place.user.uid, place.user.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C'];
    await runToEnd(path.join(place.installDir, 'bin', 'initdb'), args, { ...place.user });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** A cluster already running on this folder: one a live process started is shared, one a dead start left is stopped. */
async function runningCluster(rootDir: string, dataDir: string, serverUrl: string): Promise<boolean> {
  const ours = readPidFile(path.join(rootDir, 'server.pid'));
  if (ours.state === 'owned' && (await acceptsConnections(serverUrl))) return true;
  if (ours.state === 'leftover') {
    logger.warn({ pid: ours.pid, rootDir }, 'stopping the Postgres an earlier start left running');
    await stopGroup(ours.pid, STOP.stopSignal, STOP.graceMs);
  }
  // One we did not start (an older release's, or a hand-run one) is shared, never stopped.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (isRunning(pid)) return acceptsConnections(serverUrl);
  rmSync(pidFile, { force: true });
  return false;
}

async function startServer(place: PostgresPlace, dataDir: string, port: number, durable: boolean) {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', `shared_buffers=${sharedBuffersMb()}MB`, '-c', 'lc_messages=C', ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off'])];
  const proc = spawnManaged('postgres', path.join(place.installDir, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], { ...place.user, ...STOP, pidFile: path.join(place.rootDir, 'server.pid') });
  let stderr = '';
  const ready = new Promise<void>((resolve) =>
    proc.child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-2000);
      if (stderr.includes('database system is ready to accept connections')) resolve();
    }),
  );
  const failed = proc.ended.then((how) => Promise.reject(new Error(`embedded Postgres did not start on port ${port} (is the port taken?): ${how}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`)));
  await Promise.race([ready, failed]);
  return proc;
}

/**
 * Starts (or shares) a real Postgres whose files live under `rootDir`, or where the postgres
 * OS user can reach them. A cluster another live process runs there is shared and not
 * stopped by us; one a start that died left running is stopped first.
 */
export async function startEmbeddedPostgres({ rootDir: requested, port, durable }: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const place = placePostgres(requested, durable);
  const { rootDir } = place;
  const dataDir = path.join(rootDir, 'data');
  if (await runningCluster(rootDir, dataDir, serverUrl)) {
    logger.info({ dataDir, port }, 'reusing running embedded Postgres');
    return { serverUrl, rootDir, stop: async () => undefined };
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initdb(place, dataDir);
  const proc = await startServer(place, dataDir, port, durable);
  return {
    serverUrl,
    rootDir,
    async stop() {
      await proc.stop();
      // A throwaway cluster we moved out of its folder would outlive the folder's removal.
      if (!durable && place.moved) rmSync(rootDir, { recursive: true, force: true });
    },
  };
}
