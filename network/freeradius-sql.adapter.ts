import { Pool, type PoolClient } from 'pg';
import { NetworkApplyError, rateLimitFor, type LineState, type LineTarget, type NetworkAdapter } from './network-adapter';

/**
 * The FreeRADIUS 3.x PostgreSQL tables Settle writes (same columns as
 * raddb/mods-config/sql/main/postgresql/schema.sql), for tests and for operators
 * who let Settle own them.
 */
export const FREERADIUS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS radusergroup (
  id        serial PRIMARY KEY,
  username  text NOT NULL DEFAULT '',
  groupname text NOT NULL DEFAULT '',
  priority  integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS radusergroup_username ON radusergroup (username);
CREATE TABLE IF NOT EXISTS radreply (
  id        serial PRIMARY KEY,
  username  text NOT NULL DEFAULT '',
  attribute text NOT NULL DEFAULT '',
  op        varchar(2) NOT NULL DEFAULT '=',
  value     text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS radreply_username ON radreply (username, attribute);
`;

/**
 * Groups Settle assigns. The RADIUS configuration must give them meaning, e.g. in radgroupcheck:
 *   settle-blocked  Auth-Type := Reject
 * so a blocked line cannot log in (its PPPoE client keeps redialling and gets in once
 * restored). A walled-garden redirect instead (radgroupreply: a captive-portal
 * Framed-Pool / Mikrotik-Address-List) also works, but then restoring needs a re-login,
 * which a rate-limit CoA does not force. settle-active / settle-throttled need no
 * attributes of their own: the per-user Mikrotik-Rate-Limit reply carries the speed.
 */
export const SETTLE_RADIUS_GROUPS: Record<LineState, string> = {
  active: 'settle-active',
  throttled: 'settle-throttled',
  blocked: 'settle-blocked',
};

export const RATE_LIMIT_ATTRIBUTE = 'Mikrotik-Rate-Limit';
const ALL_SETTLE_GROUPS = Object.values(SETTLE_RADIUS_GROUPS);
// Namespace for the per-username advisory lock (the int4 of 'stlr').
const LOCK_NAMESPACE = 0x73746c72;

/**
 * Writes the line's desired state into FreeRADIUS's SQL tables, so it holds at the next login.
 * Rows are changed only where they differ, so re-applying a state leaves them untouched
 * (same ids). Groups and reply attributes that Settle does not own are left alone.
 */
export class FreeradiusSqlAdapter implements NetworkAdapter {
  readonly name = 'freeradius-sql';
  private readonly pool: Pool;
  private readonly ownsPool: boolean;

  constructor(database: Pool | string) {
    this.ownsPool = typeof database === 'string';
    this.pool = typeof database === 'string' ? new Pool({ connectionString: database, max: 4 }) : database;
  }

  async apply(target: LineTarget): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new NetworkApplyError(`cannot reach the RADIUS database: ${(err as Error).message}`, true, { cause: err });
    }
    try {
      await client.query('BEGIN');
      await this.write(client, target);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Even schema errors are worth retrying: an operator fixes the database, the next attempt succeeds.
      throw new NetworkApplyError(`writing RADIUS state for '${target.username}' failed: ${(err as Error).message}`, true, { cause: err });
    } finally {
      client.release();
    }
  }

  private async write(client: PoolClient, target: LineTarget): Promise<void> {
    const { username } = target;
    // Two concurrent applies for one user would otherwise both see "no row" and both insert.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, username]);

    const group = SETTLE_RADIUS_GROUPS[target.state];
    await client.query(
      `DELETE FROM radusergroup WHERE username = $1 AND groupname = ANY($2::text[]) AND (groupname <> $3 OR priority <> 1)`,
      [username, ALL_SETTLE_GROUPS, group],
    );
    await client.query(
      `INSERT INTO radusergroup (username, groupname, priority) SELECT $1::text, $2::text, 1
       WHERE NOT EXISTS (SELECT 1 FROM radusergroup WHERE username = $1 AND groupname = $2 AND priority = 1)`,
      [username, group],
    );

    const rateLimit = rateLimitFor(target);
    await client.query(
      `DELETE FROM radreply WHERE username = $1 AND attribute = $2 AND ($3::text IS NULL OR op <> ':=' OR value <> $3)`,
      [username, RATE_LIMIT_ATTRIBUTE, rateLimit],
    );
    if (rateLimit !== null) {
      await client.query(
        `INSERT INTO radreply (username, attribute, op, value) SELECT $1::text, $2::text, ':=', $3::text
         WHERE NOT EXISTS (SELECT 1 FROM radreply WHERE username = $1 AND attribute = $2)`,
        [username, RATE_LIMIT_ATTRIBUTE, rateLimit],
      );
    }
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
