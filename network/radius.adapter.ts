import { logger as rootLogger, type Logger } from '../infra/logger';
import { CoaClient, RadiusNakError } from './coa-client';
import { FreeradiusSqlAdapter } from './freeradius-sql.adapter';
import { rateLimitFor, type ClosableNetworkAdapter, type LineTarget } from './network-adapter';

const SESSION_CONTEXT_NOT_FOUND = 503;

/**
 * FreeRADIUS SQL makes the state hold for every future login; CoA / Disconnect makes it
 * hold for the session that is up right now. SQL goes first so a Disconnect always
 * re-authenticates into the new group.
 */
export class RadiusAdapter implements ClosableNetworkAdapter {
  readonly name = 'radius';
  private readonly log: Logger;

  constructor(
    private readonly sql: FreeradiusSqlAdapter,
    private readonly coa: CoaClient,
    logger: Logger = rootLogger,
  ) {
    this.log = logger.child({ component: 'radius-adapter' });
  }

  async apply(target: LineTarget): Promise<void> {
    await this.sql.apply(target);
    const rateLimit = rateLimitFor(target);
    try {
      if (rateLimit === null) await this.coa.disconnect(target.username);
      else await this.coa.changeRateLimit(target.username, rateLimit);
    } catch (err) {
      // An offline line has no session to change; the SQL rows already decide its next login,
      // so retrying would only fail the same way until the customer dials in.
      if (err instanceof RadiusNakError && err.errorCause === SESSION_CONTEXT_NOT_FOUND) {
        this.log.info({ subscriptionId: target.subscriptionId, username: target.username, state: target.state },
          'line has no live session; state applies at next login');
        return;
      }
      throw err;
    }
    this.log.info({ subscriptionId: target.subscriptionId, username: target.username, state: target.state }, 'line state applied');
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
