import type { Config } from './config';

/**
 * `npm run worker` / `npm run api` start nothing embedded: they use DATABASE_URL and
 * TEMPORAL_ADDRESS, defaulting to the embedded services that `npm start` runs.
 */
export function standaloneTargets(config: Config): { databaseUrl: string; temporalAddress: string } {
  return {
    databaseUrl: config.DATABASE_URL ?? `postgresql://postgres:settle@127.0.0.1:${config.SETTLE_PG_PORT}/settle`,
    temporalAddress: config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`,
  };
}
