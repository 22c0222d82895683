// Upgrading a database an older release filled: a migration that adds a uniqueness rule
// the old release did not enforce names the rows that break it and changes nothing.
// Migrations run through `npm run cli -- db migrate` in a child process, as an operator runs them.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { testServices } from '../support/test-services';

const ROOT = path.join(__dirname, '../..');
const BEFORE_REFERENCE_KEY = '20261123091730_statement_batches_and_outbox_lanes';

function dbMigrate(url: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/index.ts'), 'db', 'migrate', ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('upgrading a database filled by an older release', () => {
  const created: string[] = [];
  const admin = () => new Client({ connectionString: `${testServices().postgresServerUrl}/postgres` });

  async function olderDatabase(): Promise<{ url: string; sql: (text: string) => Promise<unknown[]> }> {
    const name = `settle_upgrade_${randomUUID().slice(0, 8)}`;
    const a = admin();
    await a.connect();
    await a.query(`create database ${name}`);
    await a.end();
    created.push(name);
    const url = `${testServices().postgresServerUrl}/${name}`;
    expect(await dbMigrate(url, '--up-to', BEFORE_REFERENCE_KEY)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied 9 migration\(s\): 20261123013532_init, /) });
    const sql = async (text: string) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };
    return { url, sql };
  }

  afterAll(async () => {
    const a = admin();
    await a.connect();
    for (const name of created) await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });

  it('stops at customers whose references a bank cannot tell apart, naming both, before changing anything', async () => {
    const db = await olderDatabase();
    await db.sql(`insert into customers (username, name, payment_reference) values ('a', 'A', '0012345'), ('b', 'B', '12345')`);
    const r = await dbMigrate(db.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('settle: database migration failed: 20261123115731_customer_payment_reference_key: customers 1 and 2 have payment references a bank cannot tell apart, 0012345 and 12345. Give one of them another reference, then upgrade.\n');
    expect(await db.sql(`select column_name from information_schema.columns where table_name = 'customers' and column_name = 'payment_reference_key'`)).toEqual([]);
  }, 60_000);

  it('stops at one file imported for two bank accounts, naming both statements', async () => {
    const db = await olderDatabase();
    await db.sql(`insert into bank_accounts (name, account_key, account, currency) values ('A', 'A1', 'A1', 'CZK'), ('B', 'B1', 'B1', 'CZK')`);
    await db.sql(`insert into bank_statements (bank_account_id, format, file_name, file_sha256, line_count, imported_count, already_known, imported_by)
                  values (1, 'csv', 'x.csv', 'same', 1, 1, 0, 'test'), (2, 'csv', 'x.csv', 'same', 1, 1, 0, 'test')`);
    const r = await dbMigrate(db.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^settle: database migration failed: \d+_statement_file_once: statements 1 and 2 are one file imported for two bank accounts, so its lines may be booked twice\./);
    expect(await db.sql(`select indexname from pg_indexes where indexname = 'bank_statements_bank_account_id_file_sha256_key'`)).toHaveLength(1);
  }, 60_000);

  it('upgrades a database without such rows, and then has nothing left to do', async () => {
    const db = await olderDatabase();
    await db.sql(`insert into customers (username, name, payment_reference) values ('a', 'A', '0012345'), ('b', 'B', 'ab-1')`);
    expect(await dbMigrate(db.url)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied \d+ migration\(s\): 20261123115731_customer_payment_reference_key, /) });
    expect(await db.sql(`select payment_reference_key as key from customers order by id`)).toEqual([{ key: '12345' }, { key: 'AB-1' }]);
    expect(await dbMigrate(db.url)).toMatchObject({ code: 0, stdout: 'the database is up to date\n' });
  }, 60_000);

  it("moves an older release's idempotency keys into their operator's own space, so a retry across the upgrade finds its payment", async () => {
    const db = await olderDatabase();
    await db.sql(`insert into operators (name, role, api_key_hash, api_key_prefix) values ('Clerk', 'billing_clerk', 'h', 'p')`);
    await db.sql(`insert into customers (username, name, payment_reference) values ('a', 'A', 'A-1')`);
    await db.sql(`insert into payments (customer_id, amount_minor, currency, method, source, external_key, operator_id, received_at)
                  values (1, 100, 'BDT', 'cash', 'manual', 'manual:counter-0001', 1, now()), (1, 200, 'BDT', 'bkash', 'gateway', 'gateway:bkash:T1', null, now())`);
    expect(await dbMigrate(db.url)).toMatchObject({ code: 0 });
    expect(await db.sql(`select external_key as key from payments order by id`)).toEqual([{ key: 'manual:1:counter-0001' }, { key: 'gateway:bkash:T1' }]);
  }, 60_000);
});
