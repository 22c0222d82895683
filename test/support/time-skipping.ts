import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { testServices } from './test-services';
import { ensureSearchAttributes } from '../../infra/temporal-connection';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

let quiet = false;

/** The real time-skipping test server (from PyPI), no download. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!quiet) {
    quiet = true;
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      /* already installed */
    }
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServices().testServerPath } } });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default', ALL_SEARCH_ATTRIBUTES);
  return env;
}

export async function createTestWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: testServices().bundlePath },
    activities,
  });
}
