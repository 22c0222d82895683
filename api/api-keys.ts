import { createHash, randomBytes } from 'node:crypto';

// Keys carry 256 random bits, so a plain SHA-256 is enough to store them safely
// (no salt or slow hash needed, unlike human passwords) and allows lookup by hash.
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `stl_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
