import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { spawnManaged } from './child-process';
import { logger } from './logger';
import { readPidFile, stopGroup } from './pid-file';
import { findTemporalBinary } from './temporal-binary';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | undefined;
  stop(): Promise<void>;
}

const SA_TYPE_NAMES: Record<string, string> = { INT: 'Int', KEYWORD: 'Keyword', TEXT: 'Text', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' };

export async function waitForTemporal(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not become ready: ${String(lastError)}`);
}

/** A dev server a start that died left on this history file holds its ports and the file: stop it. */
async function stopLeftover(pidFile: string): Promise<void> {
  const earlier = readPidFile(pidFile);
  if (earlier.state !== 'leftover') return;
  logger.warn({ pid: earlier.pid, pidFile }, 'stopping the Temporal dev server an earlier start left running');
  await stopGroup(earlier.pid, 'SIGTERM', 5000);
}

/**
 * `temporal server start-dev` with our search attributes registered.
 * `dbFile` keeps history between runs; omit it for an in-memory server (tests).
 */
export async function startTemporalDevServer(opts: { port: number; uiPort?: number; dbFile?: string; namespace: string }): Promise<TemporalDevServer> {
  const binary = findTemporalBinary('cli')!;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace, '--log-level', 'error'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  const pidFile = opts.dbFile && path.join(path.dirname(opts.dbFile), 'server.pid');
  if (opts.dbFile) {
    mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
    await stopLeftover(pidFile!);
  }
  for (const key of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=${SA_TYPE_NAMES[key.type]}`);
  const proc = spawnManaged('temporal', binary, args, { pidFile });
  const address = `127.0.0.1:${opts.port}`;
  try {
    await Promise.race([
      waitForTemporal(address, 60_000),
      proc.ended.then((how) => Promise.reject(new Error(`temporal server ${how} (is port ${opts.port} taken?)`))),
    ]);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { address, uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined, stop: () => proc.stop() };
}
