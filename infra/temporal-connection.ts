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
