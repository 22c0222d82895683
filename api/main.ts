import { loadConfig } from '../infra/config';
import { checkDatabase } from '../infra/database';
import { runMain, untilSignal } from '../infra/run-main';
import { standaloneTargets } from '../infra/standalone';
import { runApi } from './run-api';

runMain(async () => {
  const config = loadConfig();
  const targets = standaloneTargets(config);
  await checkDatabase(targets.databaseUrl);
  const api = await runApi({ ...targets, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, port: config.PORT, host: config.HOST, requestTimeoutMs: config.API_REQUEST_TIMEOUT_MS });
  process.stdout.write(`Settle API listening on ${api.url}\n`);
  await untilSignal();
  await api.stop();
  process.exit(0);
});
