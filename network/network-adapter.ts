/** What the subscription's line should look like on the network right now. */
export type LineState = 'active' | 'throttled' | 'blocked';

export interface LineTarget {
  subscriptionId: number;
  customerId: number;
  /** RADIUS User-Name of the line (PPPoE / IPoE login). */
  username: string;
  state: LineState;
  /** Rate limit while active, e.g. '20M/20M' (MikroTik rx/tx syntax). */
  speedProfile: string;
  /** Rate limit while throttled, e.g. '1M/1M'. */
  throttledProfile: string;
}

/**
 * Applies a line's desired state to the network. Implementations must be idempotent:
 * callers (Temporal activities) retry, and may re-apply a state that already holds.
 */
export interface NetworkAdapter {
  readonly name: string;
  apply(target: LineTarget): Promise<void>;
}

/** An adapter that holds connections (pools, sockets) the process must release on shutdown. */
export interface ClosableNetworkAdapter extends NetworkAdapter {
  close(): Promise<void>;
}

/**
 * `retryable: false` means repeating the same call cannot succeed (e.g. the receiver
 * rejected the request as malformed); the caller should stop and alert instead.
 */
export class NetworkApplyError extends Error {
  constructor(message: string, readonly retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkApplyError';
  }
}

/** The rate limit a state calls for; blocked lines get none (the blocked group decides). */
export function rateLimitFor(target: LineTarget): string | null {
  switch (target.state) {
    case 'active':
      return target.speedProfile;
    case 'throttled':
      return target.throttledProfile;
    case 'blocked':
      return null;
  }
}
