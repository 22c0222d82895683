import path from 'node:path';
import type { Config } from './config';
import { openDatabaseTarget } from './database-target';
import { logger } from './logger';
import { DATA_DIR } from './paths';
import { connectTemporal } from './temporal-connection';
import { startTemporalDevServer } from './temporal-dev-server';

export interface Backends {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporalUiUrl?: string;
  /** Where the embedded database keeps its files, when we started one. */
  databaseDir?: string;
  stop(): Promise<void>;
}

/**
 * The external Postgres and Temporal named by DATABASE_URL / TEMPORAL_ADDRESS, or
 * embedded ones under .data/ when a variable is unset. Migrations are applied either way.
 */
export async function startBackends(config: Config): Promise<Backends> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => logger.warn({ err }, 'stop failed'));
  };
  try {
    const database = await openDatabaseTarget(config);
    stops.push(database.release);
    const databaseUrl = database.databaseUrl;
    const databaseDir = database.databaseDir;

    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const dev = await startTemporalDevServer({
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFile: path.join(DATA_DIR, 'temporal', 'temporal.db'),
        namespace: config.TEMPORAL_NAMESPACE,
      });
      stops.push(dev.stop);
      temporalAddress = dev.address;
      temporalUiUrl = dev.uiUrl;
    }
    const { connection } = await connectTemporal(temporalAddress, config.TEMPORAL_NAMESPACE);
    await connection.close();
    return { databaseUrl, temporalAddress, namespace: config.TEMPORAL_NAMESPACE, temporalUiUrl, databaseDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
