import { Client, Connection } from '@temporalio/client';
import { ConfigError } from './config';

/** Connects and proves the namespace answers; failure is one line naming TEMPORAL_ADDRESS. */
export async function connectTemporal(address: string, namespace: string): Promise<{ connection: Connection; client: Client }> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 5000 });
    await connection.workflowService.describeNamespace({ namespace });
  } catch (err) {
    throw new ConfigError(`TEMPORAL_ADDRESS: cannot reach Temporal namespace '${namespace}' at ${address} (${(err as Error).message?.split('\n')[0] ?? err})`);
  }
  return { connection, client: new Client({ connection, namespace }) };
}

const INDEXED_TYPE: Record<string, number> = { TEXT: 1, KEYWORD: 2, INT: 3, DOUBLE: 4, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 };

/** Registers our typed search attributes on a cluster that lacks them (the dev server gets them as flags). */
export async function ensureSearchAttributes(connection: Connection, namespace: string, keys: ReadonlyArray<{ name: string; type: string }>): Promise<void> {
  let known = new Set<string>();
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    known = new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  } catch (err) {
    // The time-skipping test server cannot list them but does accept additions.
    if ((err as { code?: number }).code !== 12) throw err;
  }
  const missing = keys.filter((k) => !known.has(k.name));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((k) => [k.name, INDEXED_TYPE[k.type]!])),
  });
}
