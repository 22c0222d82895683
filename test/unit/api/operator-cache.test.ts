import { cachedOperatorLookup, OPERATOR_CACHE_TTL_MS, type KeyOperator } from '../../../api/operator-cache';

describe('cachedOperatorLookup: API key → operator, remembered for a few seconds', () => {
  let clock: number;
  let stored: Map<string, KeyOperator>;
  let lookups: number;
  const lookup = async (hash: string) => {
    lookups++;
    return stored.get(hash) ?? null;
  };

  beforeEach(() => {
    clock = 1_000_000;
    lookups = 0;
    stored = new Map([['h-rina', { id: 7, name: 'Clerk Rina', role: 'billing_clerk', active: true }]]);
  });

  it('asks the database once per key within the TTL', async () => {
    const cached = cachedOperatorLookup(lookup, OPERATOR_CACHE_TTL_MS, () => clock);
    for (let i = 0; i < 5; i++) expect(await cached('h-rina')).toMatchObject({ id: 7 });
    expect(lookups).toBe(1);
  });

  it('sees a disabled operator or a new role once the TTL has passed, not before', async () => {
    const cached = cachedOperatorLookup(lookup, 5_000, () => clock);
    await cached('h-rina');
    stored.set('h-rina', { id: 7, name: 'Clerk Rina', role: 'support', active: false });
    clock += 4_999;
    expect(await cached('h-rina')).toMatchObject({ active: true, role: 'billing_clerk' });
    clock += 1;
    expect(await cached('h-rina')).toMatchObject({ active: false, role: 'support' });
    stored.delete('h-rina');
    clock += 5_000;
    expect(await cached('h-rina')).toBeNull();
  });

  it('does not remember unknown keys, so a key issued a moment later works at once', async () => {
    const cached = cachedOperatorLookup(lookup, 5_000, () => clock);
    expect(await cached('h-new')).toBeNull();
    stored.set('h-new', { id: 8, name: 'New admin', role: 'admin', active: true });
    expect(await cached('h-new')).toMatchObject({ id: 8 });
    expect(lookups).toBe(2);
  });

  it('keeps the TTL short: revocation must not wait long', () => {
    expect(OPERATOR_CACHE_TTL_MS).toBeLessThanOrEqual(10_000);
  });
});
