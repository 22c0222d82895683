import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../prisma/generated/client';

export type Db = PrismaClient;

// The pool under each client, for the few callers that need what Prisma does not offer
// (COPY … TO STDOUT for the payment exports); it shares the client's connection limit.
const pools = new WeakMap<PrismaClient, Pool>();

/** Limits for a process that answers people (the API): a stopped or frozen Postgres must not hang it. */
export interface DbTimeouts {
  /** Server side: a statement running longer is cancelled (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** Opening a connection, or waiting for a free one in a full pool. */
  connectTimeoutMs: number;
}

export function createPrisma(databaseUrl: string, poolSize = 10, timeouts?: DbTimeouts): PrismaClient {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolSize,
    ...(timeouts && { statement_timeout: timeouts.statementTimeoutMs, connectionTimeoutMillis: timeouts.connectTimeoutMs }),
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool a client made by createPrisma runs on. */
export function pgPool(db: PrismaClient): Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Prisma client was not made by createPrisma; it has no pg pool to lend');
  return pool;
}
