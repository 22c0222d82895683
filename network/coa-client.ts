import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import { logger as rootLogger, type Logger } from '../infra/logger';
import { NetworkApplyError } from './network-adapter';
import { errorCauseName, type RadiusAttribute } from './radius-attributes';
import { decodePacket, encodeRequest, RadiusCode, verifyResponseAuthenticator, type RadiusPacket } from './radius-packet';

export const DEFAULT_COA_PORT = 3799;

export interface CoaClientOptions {
  host: string;
  /** RFC 5176 port, 3799 unless the NAS says otherwise. */
  port?: number;
  secret: string;
  /** Wait per attempt before retransmitting. */
  timeoutMs?: number;
  /** Retransmissions after the first attempt. */
  retries?: number;
  logger?: Logger;
}

/** The NAS refused the request; `errorCause` says why (e.g. 503: the user has no session). */
export class RadiusNakError extends NetworkApplyError {
  constructor(message: string, readonly errorCause: number | undefined) {
    super(message, true);
    this.name = 'RadiusNakError';
  }
}

const EXCHANGES = {
  [RadiusCode.CoaRequest]: { name: 'CoA', ack: RadiusCode.CoaAck, nak: RadiusCode.CoaNak },
  [RadiusCode.DisconnectRequest]: { name: 'Disconnect', ack: RadiusCode.DisconnectAck, nak: RadiusCode.DisconnectNak },
};

/** Sends RFC 5176 Dynamic Authorization requests to one NAS. */
export class CoaClient {
  readonly host: string;
  readonly port: number;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly log: Logger;

  constructor(options: CoaClientOptions) {
    this.host = options.host;
    this.port = options.port ?? DEFAULT_COA_PORT;
    this.secret = options.secret;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.retries = options.retries ?? 2;
    this.log = (options.logger ?? rootLogger).child({ component: 'coa-client', nas: `${this.host}:${this.port}` });
  }

  /** Changes the rate limit of the user's live session. */
  async changeRateLimit(username: string, rateLimit: string): Promise<RadiusPacket> {
    return this.send(RadiusCode.CoaRequest, [{ type: 'User-Name', value: username }, { type: 'Mikrotik-Rate-Limit', value: rateLimit }]);
  }

  /** Ends the user's session so the next login is authorized afresh. */
  async disconnect(username: string): Promise<RadiusPacket> {
    return this.send(RadiusCode.DisconnectRequest, [{ type: 'User-Name', value: username }]);
  }

  /** Resolves with the ACK; rejects with RadiusNakError on NAK, NetworkApplyError on silence or socket failure. */
  async send(code: typeof RadiusCode.CoaRequest | typeof RadiusCode.DisconnectRequest, attributes: RadiusAttribute[]): Promise<RadiusPacket> {
    const exchange = EXCHANGES[code];
    const identifier = randomInt(256);
    const request = encodeRequest(code, identifier, attributes, this.secret);
    const response = await this.exchange(request, identifier, exchange);
    if (response.code === exchange.ack) return response;
    const cause = response.attributes.find((a) => a.type === 'Error-Cause')?.value as number | undefined;
    const user = attributes.find((a) => a.type === 'User-Name')?.value;
    const reason = cause === undefined ? 'no Error-Cause' : `Error-Cause ${cause} (${errorCauseName(cause)})`;
    throw new RadiusNakError(`NAS ${this.host}:${this.port} answered ${exchange.name}-NAK for user '${user}': ${reason}`, cause);
  }

  private exchange(request: Buffer, identifier: number, exchange: { name: string; ack: number; nak: number }): Promise<RadiusPacket> {
    const requestAuthenticator = request.subarray(4, 20);
    // A fresh socket per request gives it its own source port, so the NAS's duplicate
    // detection (source address + port + identifier) never confuses two of our requests.
    const socket = dgram.createSocket(isIPv6(this.host) ? 'udp6' : 'udp4');
    return new Promise<RadiusPacket>((resolve, reject) => {
      let attempts = 0;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (error: Error | null, packet?: RadiusPacket) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.close();
        if (error) reject(error);
        else resolve(packet!);
      };
      const fail = (what: string, cause: Error) =>
        finish(new NetworkApplyError(`${exchange.name}-Request to NAS ${this.host}:${this.port} failed: ${what}: ${cause.message}`, true, { cause }));

      socket.on('error', (err) => fail('socket error', err));
      socket.on('message', (datagram) => {
        if (datagram.length < 20 || datagram[1] !== identifier) return;
        if (datagram[0] !== exchange.ack && datagram[0] !== exchange.nak) return;
        // Anyone on the path can forge a UDP datagram; only the secret proves it is the NAS's answer.
        if (!verifyResponseAuthenticator(datagram, requestAuthenticator, this.secret)) {
          this.log.warn({ identifier }, 'dropped a response with a wrong authenticator (shared secret mismatch?)');
          return;
        }
        try {
          finish(null, decodePacket(datagram));
        } catch (err) {
          fail('malformed response', err as Error);
        }
      });
      const transmit = () => {
        if (attempts > this.retries) {
          finish(new NetworkApplyError(
            `no answer to ${exchange.name}-Request from NAS ${this.host}:${this.port} after ${attempts} attempts of ${this.timeoutMs} ms`, true));
          return;
        }
        attempts += 1;
        // Retransmissions reuse identifier and bytes so the NAS treats them as the same request.
        socket.send(request, (err) => err && fail('send', err));
        timer = setTimeout(transmit, this.timeoutMs);
      };
      socket.connect(this.port, this.host, (err?: Error) => (err ? fail('connect', err) : transmit()));
    });
  }
}
