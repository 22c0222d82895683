import { spawn } from 'node:child_process';
import path from 'node:path';
import { testServices } from './test-services';
import type { TestSystem } from './test-system';

export interface KillableWorker {
  /** Kills the process outright (SIGKILL) and waits until it is gone. */
  kill(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts a real worker for the test system's task queue in a child process; resolves once it polls. */
export async function spawnKillableWorker(sys: TestSystem, timeoutMs = 60_000): Promise<KillableWorker> {
  const services = testServices();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/worker-process.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: sys.url, TEMPORAL_ADDRESS: services.temporalAddress, TEMPORAL_NAMESPACE: sys.temporal.options.namespace,
      TEMPORAL_TASK_QUEUE: sys.taskQueue, WORKFLOW_BUNDLE_PATH: services.bundlePath, LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process not ready within ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code} before it was ready`));
    });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    await exited;
    throw err;
  });
  return {
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
