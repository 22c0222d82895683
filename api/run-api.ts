import { createPrisma } from '../infra/prisma';
import { connectTemporal } from '../infra/temporal-connection';
import { buildServer, type App } from './server';

export interface RunningApi {
  app: App;
  url: string;
  stop(): Promise<void>;
}

// The longest transaction an API request runs (a statement import) is allowed 120 s;
// a statement beyond that is a runaway. A frozen Postgres is caught by the request timeout.
const API_STATEMENT_TIMEOUT_MS = 120_000;
const API_CONNECT_TIMEOUT_MS = 5_000;

export interface ApiOptions {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  port: number;
  host?: string;
  requestTimeoutMs?: number;
}

export async function runApi(opts: ApiOptions): Promise<RunningApi> {
  const db = createPrisma(opts.databaseUrl, 10, { statementTimeoutMs: API_STATEMENT_TIMEOUT_MS, connectTimeoutMs: API_CONNECT_TIMEOUT_MS });
  const { connection, client } = await connectTemporal(opts.temporalAddress, opts.namespace);
  const app = await buildServer({ db, temporal: client, taskQueue: opts.taskQueue }, { requestTimeoutMs: opts.requestTimeoutMs });
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    app,
    url: `http://${host}:${port}`,
    async stop() {
      await app.close();
      await connection.close();
      await db.$disconnect();
    },
  };
}
