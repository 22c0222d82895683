import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { runApi, type RunningApi } from '../../api/run-api';
import { newApiKey } from '../../api/api-keys';
import type { OperatorRole } from '../../prisma/generated/enums';
import { runWorker, type RunningWorker } from '../../worker/run-worker';
import type { ClosableNetworkAdapter } from '../../network/network-adapter';
import type { Notifier } from '../../notifications';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testServices } from './test-services';

export interface TestSystem extends TestDatabase {
  api: RunningApi;
  worker: RunningWorker;
  temporal: Client;
  taskQueue: string;
  /** Creates an operator and returns its bearer key. */
  operatorKey(role: OperatorRole, name?: string): Promise<{ id: number; key: string }>;
  /** fetch against the API with JSON in and out. */
  call(key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * The real thing for one test file: its own database, a worker on its own task
 * queue (so files never steal each other's tasks) and the API on a free port.
 */
export async function startTestSystem(options: { notifier?: Notifier; network?: ClosableNetworkAdapter; beforeWorker?: (databaseUrl: string) => Promise<void> } = {}): Promise<TestSystem> {
  const services = testServices();
  const database = await createTestDatabase();
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const common = { databaseUrl: database.url, temporalAddress: services.temporalAddress, namespace: 'default', taskQueue };
  await options.beforeWorker?.(database.url);
  const worker = await runWorker({ ...common, workflowBundle: { codePath: services.bundlePath }, notifier: options.notifier, network: options.network });
  const api = await runApi({ ...common, port: 0 }).catch(async (err) => {
    await worker.stop();
    await database.drop();
    throw err;
  });
  const connection = await Connection.connect({ address: services.temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  return {
    ...database,
    api,
    worker,
    temporal,
    taskQueue,
    async operatorKey(role, name = `${role} operator`) {
      const { key, hash, prefix } = newApiKey();
      const op = await database.db.operator.create({ data: { name, role, apiKeyHash: hash, apiKeyPrefix: prefix } });
      return { id: op.id, key };
    },
    async call(key, method, path, body) {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    async stop() {
      await api.stop();
      await worker.stop();
      await connection.close();
      await database.drop();
    },
  };
}

/** Polls until `check` returns a truthy value (for effects that cross processes). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
