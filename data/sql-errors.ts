/**
 * The Postgres SQLSTATE behind an error from Prisma (typed queries: meta.code; raw
 * queries through the pg adapter: cause.originalCode), or undefined for anything else.
 */
export function sqlStateOf(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let e = err as Record<string, any> | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause) {
    seen.add(e);
    for (const code of [e.originalCode, e.meta?.code, e.meta?.driverAdapterError?.cause?.originalCode, e.code]) {
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
  }
  return undefined;
}

/**
 * The rows themselves are wrong (a data exception or an integrity constraint, SQLSTATE
 * classes 22 and 23): repeating the same statement fails again. Anything else (a lost
 * connection, a deadlock, a timeout) may pass on a retry.
 */
export function isDataFault(err: unknown): boolean {
  const state = sqlStateOf(err);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}
