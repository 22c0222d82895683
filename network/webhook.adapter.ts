import { signWebhook, SIGNATURE_HEADER } from '../services/webhook-signature';
import { NetworkApplyError, rateLimitFor, type ClosableNetworkAdapter, type LineTarget } from './network-adapter';

export interface WebhookAdapterOptions {
  url: string;
  secret: string;
  timeoutMs?: number;
  now?: () => Date;
}

export interface LineStateWebhookBody {
  subscriptionId: number;
  customerId: number;
  username: string;
  state: LineTarget['state'];
  /** Rate limit for the state; null when blocked. */
  profile: string | null;
  /** Signed with the rest of the body, so receivers can refuse stale replays. */
  at: string;
}

// Timeouts and rate limits are the receiver asking us to come back later.
const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);

/** Hands the line state to the operator's own provisioning system over signed HTTP. */
export class WebhookAdapter implements ClosableNetworkAdapter {
  readonly name = 'webhook';
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: WebhookAdapterOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  async apply(target: LineTarget): Promise<void> {
    const body: LineStateWebhookBody = {
      subscriptionId: target.subscriptionId,
      customerId: target.customerId,
      username: target.username,
      state: target.state,
      profile: rateLimitFor(target),
      at: this.now().toISOString(),
    };
    const raw = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(this.options.secret, raw) },
        body: raw,
        // A followed redirect would turn the POST into a GET and lose the body; report it instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
      throw new NetworkApplyError(`network webhook ${this.options.url} unreachable: ${cause}`, true, { cause: err });
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    const retryable = response.status >= 500 || RETRYABLE_CLIENT_ERRORS.has(response.status) || response.status < 400;
    throw new NetworkApplyError(
      `network webhook ${this.options.url} answered ${response.status}${detail ? `: ${detail}` : ''}`,
      retryable,
    );
  }

  async close(): Promise<void> {}
}
