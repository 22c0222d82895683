import { createPrisma } from '../infra/prisma';
import { connectTemporal } from '../infra/temporal-connection';
import { buildServer, type App } from './server';

export interface RunningApi {
  app: App;
  url: string;
  stop(): Promise<void>;
}

export async function runApi(opts: { databaseUrl: string; temporalAddress: string; namespace: string; taskQueue: string; port: number; host?: string }): Promise<RunningApi> {
  const db = createPrisma(opts.databaseUrl);
  const { connection, client } = await connectTemporal(opts.temporalAddress, opts.namespace);
  const app = await buildServer({ db, temporal: client, taskQueue: opts.taskQueue });
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
