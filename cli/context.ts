import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { ConfigError, loadConfig } from '../infra/config';
import { openDatabaseTarget } from '../infra/database-target';
import { createPrisma, type Db } from '../infra/prisma';
import { standaloneTargets } from '../infra/standalone';
import { connectTemporal } from '../infra/temporal-connection';
import type { Client, Connection } from '@temporalio/client';

export interface CommandContext {
  db(): Promise<Db>;
  /** TEMPORAL_ADDRESS, or the dev server `npm start` runs. */
  temporal(): Promise<Client>;
  databaseUrl(): Promise<string>;
  flags<T extends Record<string, 'string' | 'boolean'>>(argv: string[], spec: T): { [K in keyof T]?: T[K] extends 'boolean' ? boolean : string } & { _: string[] };
  parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S>;
  usage(text: string): Error;
  out(line: string): void;
  close(): Promise<void>;
}

export function createCommandContext(): CommandContext {
  const config = loadConfig();
  let target: Awaited<ReturnType<typeof openDatabaseTarget>> | undefined;
  let db: Db | undefined;
  let temporal: { connection: Connection; client: Client } | undefined;
  const databaseUrl = async () => (target ??= await openDatabaseTarget(config)).databaseUrl;
  return {
    databaseUrl,
    async db() {
      return (db ??= createPrisma(await databaseUrl()));
    },
    async temporal() {
      temporal ??= await connectTemporal(standaloneTargets(config).temporalAddress, config.TEMPORAL_NAMESPACE);
      return temporal.client;
    },
    flags(argv, spec) {
      const options = Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }]));
      try {
        const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
        return { ...(values as object), _: positionals } as never;
      } catch (err) {
        // parseArgs' own message names the option: "Unknown option '--acount'", "Option '--account <value>' argument missing".
        throw new ConfigError(`${(err as Error).message.split('. ')[0]}; options here: ${Object.keys(spec).map((k) => `--${k}`).join(' ')}`);
      }
    },
    parse(schema, value) {
      const result = schema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new ConfigError(`--${issue.path.join('.')}: ${issue.message}`);
      }
      return result.data;
    },
    usage: (text) => new ConfigError(`usage: npm run cli -- ${text}`),
    out: (line) => void process.stdout.write(`${line}\n`),
    async close() {
      await db?.$disconnect();
      await temporal?.connection.close();
      await target?.release();
    },
  };
}
