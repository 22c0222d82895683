import { Client, Connection } from '@temporalio/client';
import { buildServer } from '../../api/server';
import { createPrisma } from '../../infra/prisma';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';

describe('GET /health', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem();
  });
  afterAll(() => sys?.stop());

  it('is 200 with every part ok while the worker runs', async () => {
    const res = await eventually(async () => {
      const r = await fetch(`${sys.api.url}/health`);
      return r.status === 200 ? r : undefined;
    });
    expect(await res.json()).toEqual({ database: 'ok', temporal: 'ok', worker: 'ok' });
  });

  it('is 503 naming the part that is down', async () => {
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }), namespace: 'default' });
    const noWorkerQueue = await buildServer({ db: sys.db, temporal: deadTemporal, taskQueue: 'nobody-polls-this' });
    const r1 = await noWorkerQueue.inject({ method: 'GET', url: '/health' });
    expect(r1.statusCode).toBe(503);
    expect(r1.json()).toEqual({ database: 'ok', temporal: 'down', worker: 'down' });
    await noWorkerQueue.close();

    const badDb = createPrisma('postgresql://postgres:wrong@127.0.0.1:1/none');
    const noDb = await buildServer({ db: badDb, temporal: sys.temporal, taskQueue: sys.taskQueue });
    const r2 = await noDb.inject({ method: 'GET', url: '/health' });
    expect(r2.statusCode).toBe(503);
    expect(r2.json().database).toBe('down');
    expect(r2.json().temporal).toBe('ok');
    await noDb.close();
    await badDb.$disconnect();
  });
});

describe('GET /docs/json', () => {
  let sys: TestSystem;
  beforeAll(async () => (sys = await startTestSystem()));
  afterAll(() => sys?.stop());

  it('documents every route, including the multipart statement upload', async () => {
    const res = await fetch(`${sys.api.url}/docs/json`);
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/statements', '/v1/statements/{id}/exceptions/{lineId}/resolve', '/v1/bank-accounts', '/v1/payments']));
    expect(spec.paths['/v1/statements']).toHaveProperty('post');
  });
});
