import type { RouteOptions } from 'fastify';
import { ErrorBody } from './schemas';

/**
 * Every status an operation can answer besides its own, so the OpenAPI document lists them
 * with the error body: bad input, auth, missing row, conflict, too large, wrong media
 * type, outage. The route's own schemas for a status win.
 */
const COMMON = [400, 404, 409, 413, 415, 503] as const;
const AUTHENTICATED = [401, 403] as const;

export function documentErrors(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema || (schema as { hide?: boolean }).hide) return;
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const roles = (route.config as { roles?: unknown } | undefined)?.roles;
  for (const status of [...COMMON, ...(roles ? AUTHENTICATED : [])]) response[status] ??= ErrorBody;
  schema.response = response;
}
