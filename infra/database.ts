import { Client } from 'pg';
import { ConfigError } from './config';

/** postgresql://user:secret@host/db → postgresql://user:***@host/db, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(' ') || String(err);
}

/** One-line failure naming the variable, instead of a driver stack trace. */
export async function checkDatabase(url: string, variable = 'DATABASE_URL'): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new ConfigError(`${variable}: cannot connect to ${redactUrl(url)} (${describe(err)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `name` on the server if it is missing (embedded Postgres starts with only `postgres`). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
      await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}
