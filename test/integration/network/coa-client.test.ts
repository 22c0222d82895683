import pino from 'pino';
import { CoaClient, RadiusNakError } from '../../../network/coa-client';
import { NetworkApplyError } from '../../../network/network-adapter';
import { encodeResponse, RadiusCode } from '../../../network/radius-packet';
import { FakeNas } from './fake-nas';

const secret = 'nas-shared-secret';

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met in time');
}

describe('CoaClient against a NAS on 127.0.0.1', () => {
  let nas: FakeNas;
  beforeEach(async () => { nas = await FakeNas.start(secret); });
  afterEach(() => nas.stop());
  const client = (overrides: { secret?: string; timeoutMs?: number; retries?: number } = {}) =>
    new CoaClient({ host: '127.0.0.1', port: nas.port, secret, timeoutMs: 150, retries: 2, logger: pino({ level: 'silent' }), ...overrides });

  it('sends a signed CoA-Request with User-Name and Mikrotik-Rate-Limit and resolves on CoA-ACK', async () => {
    const ack = await client().changeRateLimit('alice@isp', '1M/1M');

    expect(ack.code).toBe(RadiusCode.CoaAck);
    expect(nas.received).toHaveLength(1);
    expect(nas.received[0]!.authenticatorValid).toBe(true);
    expect(nas.received[0]!.packet).toMatchObject({
      code: RadiusCode.CoaRequest,
      identifier: ack.identifier,
      attributes: [{ type: 'User-Name', value: 'alice@isp' }, { type: 'Mikrotik-Rate-Limit', value: '1M/1M' }],
    });
  });

  it('sends a Disconnect-Request with User-Name only and resolves on Disconnect-ACK', async () => {
    const ack = await client().disconnect('bob@isp');

    expect(ack.code).toBe(RadiusCode.DisconnectAck);
    expect(nas.received.map((r) => [r.authenticatorValid, r.packet.code, r.packet.attributes])).toEqual([
      [true, RadiusCode.DisconnectRequest, [{ type: 'User-Name', value: 'bob@isp' }]],
    ]);
  });

  it('rejects a NAK as retryable, naming the Error-Cause', async () => {
    nas.answer = () => ({ kind: 'nak', errorCause: 503 });
    const failure = client().changeRateLimit('alice@isp', '1M/1M');
    await expect(failure).rejects.toBeInstanceOf(RadiusNakError);
    await expect(failure).rejects.toMatchObject({
      retryable: true, errorCause: 503, message: expect.stringContaining('CoA-NAK for user \'alice@isp\': Error-Cause 503 (Session Context Not Found)'),
    });

    nas.answer = () => ({ kind: 'nak' });
    await expect(client().disconnect('bob@isp')).rejects.toMatchObject({
      retryable: true, errorCause: undefined, message: expect.stringContaining('Disconnect-NAK for user \'bob@isp\': no Error-Cause'),
    });
  });

  it('retransmits the identical request and gives up with a retryable timeout when the NAS stays silent', async () => {
    nas.answer = () => ({ kind: 'silent' });
    const started = Date.now();
    const failure = client().changeRateLimit('alice@isp', '20M/20M');
    await expect(failure).rejects.toBeInstanceOf(NetworkApplyError);
    await expect(failure).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/no answer .* after 3 attempts of 150 ms/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 20);

    expect(nas.received).toHaveLength(3);
    const [first, ...again] = nas.received.map((r) => r.packet);
    for (const p of again) expect(p).toEqual(first);
  });

  it('succeeds when a retransmission is answered', async () => {
    let seen = 0;
    nas.answer = () => (++seen === 1 ? { kind: 'silent' } : { kind: 'ack' });
    await expect(client().changeRateLimit('alice@isp', '20M/20M')).resolves.toMatchObject({ code: RadiusCode.CoaAck });
    expect(nas.received).toHaveLength(2);
  });

  it('ignores responses with a wrong authenticator or identifier, and takes the genuine one', async () => {
    nas.answer = () => ({ kind: 'silent' });
    const pending = client({ timeoutMs: 2000, retries: 0 }).changeRateLimit('alice@isp', '1M/1M');
    await waitFor(() => nas.received.length === 1);
    const { packet, from } = nas.received[0]!;

    nas.reply(encodeResponse(RadiusCode.CoaNak, packet.identifier, packet.authenticator, [{ type: 'Error-Cause', value: 501 }], 'forger'), from);
    nas.reply(encodeResponse(RadiusCode.CoaNak, (packet.identifier + 1) % 256, packet.authenticator, [], secret), from);
    nas.reply(encodeResponse(RadiusCode.CoaAck, packet.identifier, packet.authenticator, [], secret), from);

    await expect(pending).resolves.toMatchObject({ code: RadiusCode.CoaAck, identifier: packet.identifier });
  });

  it('is never answered when its secret differs from the NAS\'s, and times out retryably', async () => {
    await expect(client({ secret: 'wrong', retries: 0 }).disconnect('bob@isp')).rejects.toMatchObject({ retryable: true });
    expect(nas.received.map((r) => r.authenticatorValid)).toEqual([false]);
  });
});
