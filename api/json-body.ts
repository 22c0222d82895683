import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors';

/**
 * The path of the first key an object in `text` repeats ({"amountMinor":1,"amountMinor":9}),
 * or undefined. JSON.parse keeps the last one silently, so a client and a proxy that keep
 * the first would disagree about what was asked. `text` must already be valid JSON.
 */
export function findDuplicateKey(text: string): string | undefined {
  type Frame = { keys: Set<string> | null; path: string; key?: string; index: number };
  const stack: Frame[] = [];
  const childPath = (f: Frame | undefined) => (!f ? 'body' : f.keys ? `${f.path}.${f.key}` : `${f.path}.${f.index}`);
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return `${top.path}.${key}`;
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const parent = stack[stack.length - 1];
      stack.push({ keys: c === '{' ? new Set() : null, path: childPath(parent), index: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1]!;
      if (top.keys) expectKey = true;
      else top.index++;
    }
  }
  return undefined;
}

/** application/json that also refuses repeated keys, naming the field. */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req: FastifyRequest, body: string | Buffer, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return done(new ApiError(400, 'validation', `is not valid JSON: ${(err as Error).message}`, 'body'));
    }
    const duplicate = findDuplicateKey(text);
    if (duplicate) return done(new ApiError(400, 'validation', 'appears twice in the JSON', duplicate));
    done(null, parsed);
  });
}
