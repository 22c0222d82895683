import pino from 'pino';
import { Writable } from 'node:stream';
import { ConfigError } from '../../../infra/config';
import { createNetworkAdapter, parseNasAddress } from '../../../network/create-network-adapter';
import { LogAdapter } from '../../../network/log.adapter';
import type { ClosableNetworkAdapter } from '../../../network/network-adapter';
import { RadiusAdapter } from '../../../network/radius.adapter';
import { WebhookAdapter } from '../../../network/webhook.adapter';

const radiusEnv = {
  NETWORK_ADAPTER: 'radius', RADIUS_DATABASE_URL: 'postgresql://radius@db.isp.local/radius', RADIUS_NAS: '10.0.0.1:1700', RADIUS_SECRET: 'nas-secret',
};
const webhookEnv = { NETWORK_ADAPTER: 'webhook', NETWORK_WEBHOOK_URL: 'https://prov.isp.local/lines', NETWORK_WEBHOOK_SECRET: 'hook-secret' };

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('createNetworkAdapter', () => {
  const built: ClosableNetworkAdapter[] = [];
  const build = (env: NodeJS.ProcessEnv) => {
    const adapter = createNetworkAdapter(env);
    built.push(adapter);
    return adapter;
  };
  afterAll(async () => { await Promise.all(built.map((a) => a.close())); });

  it('logs only when nothing is configured', () => {
    expect(build({})).toBeInstanceOf(LogAdapter);
    expect(build({ NETWORK_ADAPTER: 'log' }).name).toBe('log');
    expect(build({ NETWORK_ADAPTER: '' })).toBeInstanceOf(LogAdapter);
  });

  it('builds the RADIUS and webhook adapters from their variables', () => {
    expect(build(radiusEnv)).toBeInstanceOf(RadiusAdapter);
    expect(build(webhookEnv)).toBeInstanceOf(WebhookAdapter);
  });

  it.each([
    [{ NETWORK_ADAPTER: 'snmp' }, /^NETWORK_ADAPTER: /],
    [{ ...radiusEnv, RADIUS_SECRET: undefined }, /^RADIUS_SECRET: required when NETWORK_ADAPTER=radius$/],
    [{ ...radiusEnv, RADIUS_SECRET: '   ' }, /^RADIUS_SECRET: must not be empty$/],
    [{ ...radiusEnv, RADIUS_NAS: undefined }, /^RADIUS_NAS: required when NETWORK_ADAPTER=radius$/],
    [{ ...radiusEnv, RADIUS_NAS: '10.0.0.1:abc' }, /^RADIUS_NAS: must be host or host:port$/],
    [{ ...radiusEnv, RADIUS_NAS: '10.0.0.1:70000' }, /^RADIUS_NAS: port 70000 is out of range$/],
    [{ ...radiusEnv, RADIUS_DATABASE_URL: 'mysql://radius@db/radius' }, /^RADIUS_DATABASE_URL: must be a postgresql:\/\/ URL$/],
    [{ ...radiusEnv, RADIUS_DATABASE_URL: undefined }, /^RADIUS_DATABASE_URL: required/],
    [{ ...webhookEnv, NETWORK_WEBHOOK_URL: 'ftp://prov.isp.local' }, /^NETWORK_WEBHOOK_URL: must be an http\(s\):\/\/ URL$/],
    [{ ...webhookEnv, NETWORK_WEBHOOK_SECRET: undefined }, /^NETWORK_WEBHOOK_SECRET: required when NETWORK_ADAPTER=webhook$/],
    [{ RADIUS_NAS: '10.0.0.1' }, /^NETWORK_ADAPTER: required \(radius or webhook\) when RADIUS_NAS is set$/],
  ])('rejects %j naming the variable', (env, message) => {
    const attempt = () => build(env as NodeJS.ProcessEnv);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it('reads RADIUS_NAS as host, host:port or [IPv6]:port, defaulting to port 3799', () => {
    expect(parseNasAddress('10.0.0.1')).toEqual({ host: '10.0.0.1', port: 3799 });
    expect(parseNasAddress('nas1.isp.local:1700')).toEqual({ host: 'nas1.isp.local', port: 1700 });
    expect(parseNasAddress('[2001:db8::1]:3799')).toEqual({ host: '2001:db8::1', port: 3799 });
  });
});

describe('LogAdapter', () => {
  it('logs the decision and says nothing was applied to the network', async () => {
    const { logger, lines } = capturingLogger();
    await new LogAdapter(logger).apply({
      subscriptionId: 3, customerId: 9, username: 'alice@isp', state: 'throttled', speedProfile: '20M/20M', throttledProfile: '1M/1M',
    });
    expect(lines).toEqual([expect.objectContaining({
      level: 30, adapter: 'log', subscriptionId: 3, customerId: 9, username: 'alice@isp', state: 'throttled', rateLimit: '1M/1M',
      msg: expect.stringMatching(/no NAS configured.*not applied to the network/),
    })]);
  });
});
