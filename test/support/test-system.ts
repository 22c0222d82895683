import Long from 'long';
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
  /** Saves a policy that may throttle and block at any hour, so tests do not depend on the wall clock. */
  allowEnforcementAnyTime(adminKey: string): Promise<void>;
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
  // Each file's customers start at id 1, so each file gets its own namespace: workflow
  // IDs like billing-customer-1 must not meet another file's workflow.
  const namespace = await createTestNamespace(services.temporalAddress);
  const common = { databaseUrl: database.url, temporalAddress: services.temporalAddress, namespace, taskQueue };
  await options.beforeWorker?.(database.url);
  const worker = await runWorker({ ...common, workflowBundle: { codePath: services.bundlePath }, notifier: options.notifier, network: options.network });
  const api = await runApi({ ...common, port: 0 }).catch(async (err) => {
    await worker.stop();
    await database.drop();
    throw err;
  });
  const connection = await Connection.connect({ address: services.temporalAddress });
  const temporal = new Client({ connection, namespace });
const call: TestSystem['call'] = async (key, method, path, body) => {
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
  };
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
    call,
    async allowEnforcementAnyTime(adminKey) {
      const policy = (await call(adminKey, 'GET', '/v1/dunning/policy')).body.policy;
      policy.calendar = { ...policy.calendar, enforcementDays: [1, 2, 3, 4, 5, 6, 7], enforcementHours: { from: '00:00', to: '23:59' }, smsQuietHours: { from: '03:00', to: '03:01' } };
      const saved = await call(adminKey, 'PUT', '/v1/dunning/policy', policy);
      if (saved.status !== 200) throw new Error(`policy not saved: ${JSON.stringify(saved.body)}`);
    },
    async stop() {
      await api.stop();
      await worker.stop();
      await connection.close();
      await database.drop();
    },
  };
}

async function createTestNamespace(address: string): Promise<string> {
  const namespace = `test-${randomBytes(5).toString('hex')}`;
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) } });
    // Registration is asynchronous; wait until the namespace answers.
    await eventually(async () => !!(await connection.workflowService.describeNamespace({ namespace })), 10_000);
  } finally {
    await connection.close();
  }
  return namespace;
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
