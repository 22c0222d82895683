/**
 * Is `error` Postgres or Temporal being away, slow or full rather than a bug: refused or
 * dropped connections, a pool or connect timeout, a statement timeout, a server shutting
 * down? Such a request may be repeated (its transaction rolled back), so the caller gets a 503.
 */
export function isOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift() as Record<string, unknown> | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (matches(e)) return true;
    const meta = e.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(e.cause, meta?.driverAdapterError);
  }
  return false;
}

// Prisma: can't reach, timed out, server closed, pool timeout, transaction could not start.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Postgres SQLSTATE: query cancelled (statement_timeout), shutdown, cannot connect now, too many connections.
const SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
// gRPC status of a Temporal call: UNAVAILABLE, DEADLINE_EXCEEDED.
const GRPC_CODES = new Set([14, 4]);
const MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Can't reach database server|Client has encountered a connection error|Unable to start a transaction in the given time|canceling statement due to statement timeout/i;

function matches(e: Record<string, unknown>): boolean {
  const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : undefined;
  if (code && (PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (typeof e.code === 'number' && GRPC_CODES.has(e.code)) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === 'postgres' && typeof e.code === 'string' && SQLSTATES.has(e.code)) return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}
