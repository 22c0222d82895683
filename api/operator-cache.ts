import type { OperatorRole } from '../prisma/generated/enums';

// Every request names its operator by API key; looking the key up is a database round
// trip that a page of the payment log would otherwise pay each time. Found operators are
// remembered for a few seconds, so disabling an operator or changing its role takes
// effect within OPERATOR_CACHE_TTL_MS (README: API keys). Unknown keys are not remembered:
// an operator created a moment ago works at once, and guessing cannot fill the cache.

export const OPERATOR_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface KeyOperator {
  id: number;
  name: string;
  role: OperatorRole;
  active: boolean;
}

export type OperatorLookup = (keyHash: string) => Promise<KeyOperator | null>;

/** `lookup`, with each operator it finds reused for `ttlMs`; `now` is the clock (for tests). */
export function cachedOperatorLookup(lookup: OperatorLookup, ttlMs = OPERATOR_CACHE_TTL_MS, now: () => number = Date.now): OperatorLookup {
  const cache = new Map<string, { operator: KeyOperator; until: number }>();
  return async (keyHash) => {
    const hit = cache.get(keyHash);
    if (hit && hit.until > now()) return hit.operator;
    const operator = await lookup(keyHash);
    if (!operator) {
      cache.delete(keyHash);
      return null;
    }
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(keyHash, { operator, until: now() + ttlMs });
    return operator;
  };
}
