import { loadConfig } from '../infra/config';
import { logger } from '../infra/logger';
import { createPrisma } from '../infra/prisma';
import { runMain, untilSignal } from '../infra/run-main';
import { startBackends, type Backends } from '../infra/services';
import { runApi } from '../api/run-api';
import { runWorker } from '../worker/run-worker';

async function printBanner(apiUrl: string, backends: Backends): Promise<void> {
  const db = createPrisma(backends.databaseUrl, 1);
  const operators = await db.operator.count();
  await db.$disconnect();
  const lines = [
    '',
    'Settle is running.',
    `  API             ${apiUrl}   (OpenAPI docs at ${apiUrl}/docs, health at ${apiUrl}/health)`,
    `  Temporal        ${backends.temporalAddress} namespace ${backends.namespace}${backends.temporalUiUrl ? `   Web UI ${backends.temporalUiUrl}` : ''}`,
    `  Database        ${backends.databaseDir ? `embedded Postgres, files in ${backends.databaseDir}` : 'DATABASE_URL'}`,
    operators === 0 ? '  First API key   npm run cli -- operator create --role admin --name Alice' : '',
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
}

// `npm start`: the whole system on one machine. External Postgres/Temporal are used
// when DATABASE_URL / TEMPORAL_ADDRESS are set; otherwise embedded ones under .data/.
runMain(async () => {
  const config = loadConfig();
  // Ctrl-C during start-up stops what has started so far, in order, once the step under way ends.
  let signalled = false;
  const stopSignal = untilSignal().then(() => (signalled = true));
  const backends = await startBackends(config);
  const common = { databaseUrl: backends.databaseUrl, temporalAddress: backends.temporalAddress, namespace: backends.namespace, taskQueue: config.TEMPORAL_TASK_QUEUE };
  let worker: Awaited<ReturnType<typeof runWorker>> | undefined;
  let api: Awaited<ReturnType<typeof runApi>> | undefined;
  try {
    if (!signalled) worker = await runWorker(common);
    if (!signalled) api = await runApi({ ...common, port: config.PORT, host: config.HOST, requestTimeoutMs: config.API_REQUEST_TIMEOUT_MS });
    if (api && !signalled) await printBanner(api.url, backends);
    await stopSignal;
  } finally {
    logger.info('shutting down');
    await api?.stop().catch((err) => logger.warn({ err }, 'API stop failed'));
    await worker?.stop().catch((err) => logger.warn({ err }, 'worker stop failed'));
    await backends.stop();
  }
  process.exit(0);
});
