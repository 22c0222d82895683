import { z } from 'zod';
import { ConfigError } from '../infra/config';
import { logger as rootLogger, type Logger } from '../infra/logger';
import { CoaClient, DEFAULT_COA_PORT } from './coa-client';
import { FreeradiusSqlAdapter } from './freeradius-sql.adapter';
import { LogAdapter } from './log.adapter';
import type { ClosableNetworkAdapter } from './network-adapter';
import { RadiusAdapter } from './radius.adapter';
import { WebhookAdapter } from './webhook.adapter';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const NetworkEnv = z.object({
  NETWORK_ADAPTER: z.enum(['log', 'radius', 'webhook']).optional(),
  RADIUS_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  RADIUS_NAS: z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+)(:\d{1,5})?$/, 'must be host or host:port').optional(),
  RADIUS_SECRET: nonEmpty.optional(),
  NETWORK_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  NETWORK_WEBHOOK_SECRET: nonEmpty.optional(),
});
type NetworkEnv = z.infer<typeof NetworkEnv>;

const REQUIRED = {
  log: [],
  radius: ['RADIUS_DATABASE_URL', 'RADIUS_NAS', 'RADIUS_SECRET'],
  webhook: ['NETWORK_WEBHOOK_URL', 'NETWORK_WEBHOOK_SECRET'],
} as const satisfies Record<string, ReadonlyArray<keyof NetworkEnv>>;

function parse(env: NodeJS.ProcessEnv): NetworkEnv {
  // Unset and empty mean the same thing in shell-built environments.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = NetworkEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function parseNasAddress(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(value)!;
  const port = match[3] === undefined ? DEFAULT_COA_PORT : Number(match[3]);
  if (port < 1 || port > 65535) throw new ConfigError(`RADIUS_NAS: port ${port} is out of range`);
  return { host: match[1] ?? match[2]!, port };
}

/** Builds the network adapter from NETWORK_ADAPTER and its variables; errors name the variable. */
export function createNetworkAdapter(env: NodeJS.ProcessEnv = process.env, logger: Logger = rootLogger): ClosableNetworkAdapter {
  const config = parse(env);
  const kind = config.NETWORK_ADAPTER ?? 'log';
  if (config.NETWORK_ADAPTER === undefined) {
    // Configuring a NAS but forgetting the switch would leave non-payers online without a word.
    const stray = [...REQUIRED.radius, ...REQUIRED.webhook].find((name) => config[name] !== undefined);
    if (stray) throw new ConfigError(`NETWORK_ADAPTER: required (radius or webhook) when ${stray} is set`);
  }
  const missing = REQUIRED[kind].find((name) => config[name] === undefined);
  if (missing) throw new ConfigError(`${missing}: required when NETWORK_ADAPTER=${kind}`);

  switch (kind) {
    case 'log':
      return new LogAdapter(logger);
    case 'radius': {
      const nas = parseNasAddress(config.RADIUS_NAS!);
      const coa = new CoaClient({ ...nas, secret: config.RADIUS_SECRET!, logger });
      return new RadiusAdapter(new FreeradiusSqlAdapter(config.RADIUS_DATABASE_URL!), coa, logger);
    }
    case 'webhook':
      return new WebhookAdapter({ url: config.NETWORK_WEBHOOK_URL!, secret: config.NETWORK_WEBHOOK_SECRET! });
  }
}
