import { z } from 'zod';
import { loadConfig } from '../infra/config';
import { openDatabaseTarget } from '../infra/database-target';
import type { CommandContext } from './context';

const Flags = z.object({ 'up-to': z.string().regex(/^\d{14}_[a-z0-9_]+$/, 'must be a migration directory name').optional() });

// npm run cli -- db migrate [--up-to <migration>]: what every command does first, on its own,
// e.g. to upgrade before starting a new release, or (--up-to) to stop where an older release stood.
export async function dbCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const flags = ctx.flags(argv, { 'up-to': 'string' });
  if (flags._[0] !== 'migrate' || flags._.length !== 1) throw ctx.usage('db migrate [--up-to <migration directory name>]');
  const upTo = ctx.parse(Flags, { 'up-to': flags['up-to'] })['up-to'];
  const target = await openDatabaseTarget(loadConfig(), upTo);
  try {
    ctx.out(target.applied.length ? `applied ${target.applied.length} migration(s): ${target.applied.join(', ')}` : 'the database is up to date');
  } finally {
    await target.release();
  }
}
