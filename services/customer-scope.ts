import type { Caller } from '../api/auth';

/** Resellers see only their own customers; everyone else sees all. */
export function customerScope(caller: Caller): { resellerId?: number } {
  return caller.role === 'reseller' ? { resellerId: caller.operatorId } : {};
}
