import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkApplyError, type LineTarget } from '../../../network/network-adapter';
import { WebhookAdapter } from '../../../network/webhook.adapter';

const secret = 'provisioning-secret';
const at = new Date('2026-11-02T03:15:00Z');
const alice: LineTarget = {
  subscriptionId: 4, customerId: 12, username: 'alice@isp', state: 'throttled', speedProfile: '20M/20M', throttledProfile: '1M/1M',
};

interface Received { method: string; headers: http.IncomingHttpHeaders; raw: Buffer }

/** The operator's provisioning endpoint: checks the signature against the exact bytes received. */
function signatureValid(raw: Buffer, header: string | string[] | undefined): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return typeof header === 'string' && header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

describe('WebhookAdapter against a local HTTP server', () => {
  let server: http.Server;
  let url: string;
  let status = 204;
  const received: Received[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        received.push({ method: req.method!, headers: req.headers, raw });
        res.statusCode = signatureValid(raw, req.headers['x-settle-signature']) ? status : 401;
        res.end(res.statusCode >= 400 ? `rejected with ${res.statusCode}` : undefined);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lines`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => { received.length = 0; status = 204; });

  const adapter = (overrides: { secret?: string; url?: string } = {}) => new WebhookAdapter({ url, secret, now: () => at, ...overrides });

  it('POSTs the line state as JSON signed with HMAC-SHA256 of the raw body', async () => {
    await adapter().apply(alice);

    expect(received).toHaveLength(1);
    const { method, headers, raw } = received[0]!;
    expect(method).toBe('POST');
    expect(headers['content-type']).toBe('application/json');
    expect(signatureValid(raw, headers['x-settle-signature'])).toBe(true);
    expect(JSON.parse(raw.toString())).toEqual({
      subscriptionId: 4, customerId: 12, username: 'alice@isp', state: 'throttled', profile: '1M/1M', at: '2026-11-02T03:15:00.000Z',
    });
  });

  it('sends the speed profile when active and no profile when blocked', async () => {
    await adapter().apply({ ...alice, state: 'active' });
    await adapter().apply({ ...alice, state: 'blocked' });
    expect(received.map((r) => JSON.parse(r.raw.toString()))).toMatchObject([
      { state: 'active', profile: '20M/20M' }, { state: 'blocked', profile: null },
    ]);
  });

  it('fails non-retryably when the receiver rejects the request (wrong secret: 401)', async () => {
    const failure = adapter({ secret: 'stale-secret' }).apply(alice);
    await expect(failure).rejects.toBeInstanceOf(NetworkApplyError);
    await expect(failure).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('answered 401: rejected with 401') });
  });

  it.each([[500, true], [503, true], [408, true], [429, true], [400, false], [404, false], [422, false]])(
    'treats HTTP %i as retryable=%s', async (code, retryable) => {
      status = code;
      await expect(adapter().apply(alice)).rejects.toMatchObject({ retryable, message: expect.stringContaining(`answered ${code}`) });
    },
  );

  it('does not follow redirects (they would drop the POST body) and retries them', async () => {
    status = 307;
    await expect(adapter().apply(alice)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('answered 307') });
    expect(received).toHaveLength(1);
  });

  it('fails retryably when the receiver is unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await expect(adapter({ url: `http://127.0.0.1:${port}/lines` }).apply(alice))
      .rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/unreachable: .*ECONNREFUSED/) });
  });
});
