import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { spawnManaged } from './child-process';
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

/**
 * `temporal server start-dev` with our search attributes registered.
 * `dbFile` keeps history between runs; omit it for an in-memory server (tests).
 */
export async function startTemporalDevServer(opts: { port: number; uiPort?: number; dbFile?: string; namespace: string }): Promise<TemporalDevServer> {
  const binary = findTemporalBinary('cli')!;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace, '--log-level', 'error'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) {
    mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const key of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=${SA_TYPE_NAMES[key.type]}`);
  const proc = spawnManaged('temporal', binary, args);
  const address = `127.0.0.1:${opts.port}`;
  try {
    await Promise.race([
      waitForTemporal(address, 60_000),
      new Promise((_, reject) => proc.child.once('exit', (code) => reject(new Error(`temporal server exited with code ${code} (is port ${opts.port} taken?)`)))),
    ]);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { address, uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined, stop: () => proc.stop() };
}
