import { z } from 'zod';
import { ISP_COUNTRIES, type IspCountry } from '../domain/dunning/default-policy';

const port = z.coerce.number().int().min(1).max(65535);

const EnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('settle-billing'),
  PORT: port.default(3000),
  /** The API listens here; 0.0.0.0 exposes it to the network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A request not answered by then gets a 503 with Retry-After instead of hanging. */
  API_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  SETTLE_PG_PORT: port.default(54329),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Settle Billing <billing@settle.local>'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_API_BASE: z.string().url().optional(),
  DEFAULT_CURRENCY: z.string().length(3).default('BDT'),
  ISP_NAME: z.string().min(1).default('Your ISP'),
  /** Chooses the built-in dunning policy's time zone and enforcement days (BD: Sunday–Thursday). */
  ISP_COUNTRY: z.enum(Object.keys(ISP_COUNTRIES) as [IspCountry, ...IspCountry[]], { error: `must be one of ${Object.keys(ISP_COUNTRIES).join(', ')}` }).default('BD'),
  /** Customer messages per second across all workers (SMS gateways throttle and bill). */
  NOTIFY_RATE_PER_SECOND: z.coerce.number().positive().default(5),
  /** Delivered workflow signals are kept this long (Temporal's histories keep their own record). */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The ISP's country alone (the built-in dunning policy needs it wherever it is read). */
export function ispCountry(env: NodeJS.ProcessEnv = process.env): IspCountry {
  return loadConfig({ ISP_COUNTRY: env.ISP_COUNTRY }).ISP_COUNTRY;
}
