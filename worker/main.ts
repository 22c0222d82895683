import { loadConfig } from '../infra/config';
import { checkDatabase } from '../infra/database';
import { runMain, untilSignal } from '../infra/run-main';
import { standaloneTargets } from '../infra/standalone';
import { runWorker } from './run-worker';

runMain(async () => {
  const config = loadConfig();
  const targets = standaloneTargets(config);
  await checkDatabase(targets.databaseUrl);
  const worker = await runWorker({ ...targets, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE });
  await untilSignal();
  await worker.stop();
  process.exit(0);
});
