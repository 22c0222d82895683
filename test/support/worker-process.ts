// A worker in a process of its own, for tests that kill it (SIGKILL: no shutdown, its
// activities are left running on the server, as when a machine dies). Started by
// spawnKillableWorker; says "ready" on stdout once it polls.
import { runWorker } from '../../worker/run-worker';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

void runWorker({
  databaseUrl: env('DATABASE_URL'),
  temporalAddress: env('TEMPORAL_ADDRESS'),
  namespace: env('TEMPORAL_NAMESPACE'),
  taskQueue: env('TEMPORAL_TASK_QUEUE'),
  workflowBundle: { codePath: env('WORKFLOW_BUNDLE_PATH') },
}).then(
  () => process.stdout.write('ready\n'),
  (err: unknown) => {
    process.stderr.write(`worker did not start: ${String(err)}\n`);
    process.exit(1);
  },
);
