import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export interface ScratchDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** An empty database of its own on the test Postgres server (no Settle schema: it stands in for the RADIUS database). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = (JSON.parse(process.env.SETTLE_TEST_SERVICES!) as { postgresServerUrl: string }).postgresServerUrl;
  const name = `settle_radius_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: `${serverUrl}/postgres` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = `${serverUrl}/${name}`;
  const pool = new Pool({ connectionString: url });
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
