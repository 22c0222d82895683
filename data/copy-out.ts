import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * The bytes of `COPY (…) TO STDOUT` as Postgres sends them, pulled one chunk at a time:
 * while the consumer does not ask for more, pg-copy-streams stops reading the socket, so
 * a slow download holds Postgres back instead of filling our memory.
 */
export async function* copyOut(pool: Pool, copySql: string): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  let finished = false;
  try {
    // A download runs as long as the client reads, past the API's statement_timeout;
    // RESET below gives the pooled connection its own limit back.
    await client.query('set statement_timeout = 0');
    for await (const chunk of client.query(copyTo(copySql)) as AsyncIterable<Buffer>) yield chunk;
    await client.query('reset statement_timeout');
    finished = true;
  } finally {
    // A COPY stopped half way (the download was cancelled, or it failed) leaves the
    // connection in the middle of the protocol: it is closed, never handed to the next query.
    client.release(finished ? undefined : new Error('COPY did not finish'));
  }
}
