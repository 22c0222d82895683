import { logger as rootLogger, type Logger } from '../infra/logger';
import { rateLimitFor, type ClosableNetworkAdapter, type LineTarget } from './network-adapter';

/**
 * The embedded default: with no NAS configured nothing on the network changes, but every
 * decision is still visible in the log (and the billing side behaves exactly the same).
 */
export class LogAdapter implements ClosableNetworkAdapter {
  readonly name = 'log';
  private readonly log: Logger;

  constructor(logger: Logger = rootLogger) {
    this.log = logger.child({ component: 'network', adapter: this.name });
  }

  async apply(target: LineTarget): Promise<void> {
    this.log.info(
      {
        subscriptionId: target.subscriptionId,
        customerId: target.customerId,
        username: target.username,
        state: target.state,
        rateLimit: rateLimitFor(target),
      },
      'no NAS configured (NETWORK_ADAPTER=log): line state logged only, not applied to the network',
    );
  }

  async close(): Promise<void> {}
}
