import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPrisma, type Db } from '../../infra/prisma';
import { TEMPLATE_DB, testServices } from './test-services';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A private database per test file, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { postgresServerUrl } = testServices();
  const name = `settle_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: `${postgresServerUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = `${postgresServerUrl}/${name}`;
  const db = createPrisma(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      const c = new Client({ connectionString: `${postgresServerUrl}/postgres` });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
