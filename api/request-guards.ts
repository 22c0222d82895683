import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors';

/** The path of the first string in `value` holding a NUL byte, which Postgres text cannot store. */
export function findNulByte(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\0')}`;
    const found = findNulByte(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every route: a NUL byte in any note, name, search or path segment is a 400 naming it,
 * instead of Postgres refusing the text mid-transaction (a 500).
 */
export async function rejectNulBytes(req: FastifyRequest): Promise<void> {
  const parts: Array<[string, unknown]> = [['params', req.params], ['querystring', req.query], ['body', req.body]];
  for (const [name, value] of parts) {
    const field = findNulByte(value, name);
    if (field) throw new ApiError(400, 'validation', 'must not contain a NUL byte (\\u0000)', field);
  }
}
