import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { RadiusAttribute } from '../../../network/radius-attributes';
import { decodePacket, encodeResponse, RadiusCode, verifyRequestAuthenticator, type RadiusPacket } from '../../../network/radius-packet';

export type NasAnswer = { kind: 'ack' } | { kind: 'nak'; errorCause?: number } | { kind: 'silent' };

export interface ReceivedRequest {
  packet: RadiusPacket;
  authenticatorValid: boolean;
  from: AddressInfo;
}

/**
 * A NAS's RFC 5176 side on 127.0.0.1: checks each request's authenticator with its own
 * copy of the secret, and answers as `answer` says (a bad authenticator is never answered,
 * as a real NAS silently discards it).
 */
export class FakeNas {
  readonly received: ReceivedRequest[] = [];
  answer: (packet: RadiusPacket) => NasAnswer = () => ({ kind: 'ack' });
  private readonly socket = dgram.createSocket('udp4');

  private constructor(private readonly secret: string) {}

  static async start(secret: string): Promise<FakeNas> {
    const nas = new FakeNas(secret);
    nas.socket.on('message', (datagram, from) => nas.onRequest(datagram, from));
    await new Promise<void>((resolve) => nas.socket.bind(0, '127.0.0.1', resolve));
    return nas;
  }

  get port(): number {
    return this.socket.address().port;
  }

  private onRequest(datagram: Buffer, from: AddressInfo): void {
    const packet = decodePacket(datagram);
    const authenticatorValid = verifyRequestAuthenticator(datagram, this.secret);
    this.received.push({ packet, authenticatorValid, from });
    if (!authenticatorValid) return;
    const answer = this.answer(packet);
    if (answer.kind === 'silent') return;
    const disconnect = packet.code === RadiusCode.DisconnectRequest;
    const code = answer.kind === 'ack'
      ? (disconnect ? RadiusCode.DisconnectAck : RadiusCode.CoaAck)
      : (disconnect ? RadiusCode.DisconnectNak : RadiusCode.CoaNak);
    const attributes: RadiusAttribute[] = answer.kind === 'nak' && answer.errorCause !== undefined
      ? [{ type: 'Error-Cause', value: answer.errorCause }] : [];
    this.reply(encodeResponse(code, packet.identifier, packet.authenticator, attributes, this.secret), from);
  }

  reply(datagram: Buffer, to: AddressInfo): void {
    this.socket.send(datagram, to.port, to.address);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}
