import { DefaultLogger, Runtime, type WorkflowBundleOption } from '@temporalio/worker';
import { loadConfig } from '../infra/config';
import { logger } from '../infra/logger';
import { createNetworkAdapter } from '../network/create-network-adapter';
import type { ClosableNetworkAdapter } from '../network/network-adapter';
import { createNotifier, type Notifier } from '../notifications';
import { createPrisma } from '../infra/prisma';
import { connectTemporal, ensureSearchAttributes } from '../infra/temporal-connection';
import { startOutboxRelay } from '../services/outbox-relay';
import { startHeartbeat } from '../data/worker-heartbeat';
import { ensureMonthlyBillingSchedule, ensureNetworkSweepSchedule } from '../services/schedules.service';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { createNotificationWorker, createWorker } from './create-worker';

export interface RunningWorker {
  stop(): Promise<void>;
}

/** The worker plus the outbox relay that turns committed facts into workflow signals. */
export async function runWorker(opts: {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  workflowBundle?: WorkflowBundleOption;
  /** Overrides for tests: a notifier pointed at a local SMTP server / Twilio stub, a network adapter on loopback. */
  notifier?: Notifier;
  network?: ClosableNetworkAdapter;
}): Promise<RunningWorker> {
  installQuietRuntime();
  const config = loadConfig();
  const db = createPrisma(opts.databaseUrl);
  const network = opts.network ?? createNetworkAdapter(process.env);
  const notifier = opts.notifier ?? createNotifier(config);
  const { connection, client } = await connectTemporal(opts.temporalAddress, opts.namespace);
  await ensureSearchAttributes(connection, opts.namespace, ALL_SEARCH_ATTRIBUTES);
  const workerOptions = {
    address: opts.temporalAddress,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    deps: { db, notifier, network, ispName: config.ISP_NAME, temporal: client, taskQueue: opts.taskQueue },
    workflowBundle: opts.workflowBundle,
  };
  const { worker, connection: workerConnection } = await createWorker(workerOptions);
  const notificationWorker = await createNotificationWorker(workerConnection, { ...workerOptions, perSecond: config.NOTIFY_RATE_PER_SECOND });
  const running = Promise.all([worker.run(), notificationWorker.run()]);
  running.catch((err) => logger.error({ err }, 'worker stopped unexpectedly'));
  const relay = startOutboxRelay({ db, temporal: client, taskQueue: opts.taskQueue, retentionDays: config.OUTBOX_RETENTION_DAYS });
  const heartbeat = startHeartbeat(db, opts.taskQueue);
  await ensureMonthlyBillingSchedule(client, opts.taskQueue).catch((err) => logger.warn({ err }, 'could not create the monthly billing schedule'));
  await ensureNetworkSweepSchedule(client, opts.taskQueue).catch((err) => logger.warn({ err }, 'could not create the network sweep schedule'));
  logger.info({ taskQueue: opts.taskQueue }, 'worker running');
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    await heartbeat.stop();
    await relay.stop();
    for (const w of [worker, notificationWorker]) if (w.getState() === 'RUNNING') w.shutdown();
    await running.catch((err) => logger.error({ err }, 'worker stopped with an error'));
    await workerConnection.close();
    await network.close();
    await notifier.email.close();
    await connection.close();
    await db.$disconnect();
  };
  // Idempotent: a test may kill the worker and its harness stop it again.
  return { stop: () => (stopping ??= stop()) };
}

let runtimeInstalled = false;
/** The SDK's own logger prints every bundle module at INFO; we keep warnings and errors. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    // Our entry points own SIGINT/SIGTERM and stop the worker in order.
    Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_LOG_LEVEL as 'WARN') ?? 'WARN'), shutdownSignals: [] });
  } catch {
    // Already installed by the host (tests install their own runtime).
  }
}
