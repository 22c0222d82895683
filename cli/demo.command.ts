import { z } from 'zod';
import { ConfigError } from '../infra/config';
import { DEFAULT_DEMO_SEED, DemoDataRefused, MAX_DEMO_CUSTOMERS, seedDemoData } from '../services/demo-data.service';
import type { CommandContext } from './context';

const Args = z.object({
  customers: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_DEMO_CUSTOMERS, `must be at most ${MAX_DEMO_CUSTOMERS}`),
  seed: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').default(DEFAULT_DEMO_SEED),
});

// npm run cli -- demo --customers 500 [--seed 42] [--json]
export async function demoCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const flags = ctx.flags(argv, { customers: 'string', seed: 'string', json: 'boolean' });
  if (flags.customers === undefined) throw ctx.usage('demo --customers <count> [--seed <number>] [--json]   (fills an empty database with demo data)');
  const args = ctx.parse(Args, flags);
  const db = await ctx.db();
  const summary = await seedDemoData(db, args).catch((err: unknown) => {
    throw err instanceof DemoDataRefused ? new ConfigError(`demo: ${err.message}`) : err;
  });
  if (flags.json) return ctx.out(JSON.stringify(summary));
  const currencies = Object.entries(summary.customersByCurrency).map(([currency, n]) => `${n} ${currency}`).join(', ');
  ctx.out(`Demo data (seed ${summary.seed}):`);
  ctx.out(`  customers      ${summary.customers} (${currencies})`);
  ctx.out(`  tariffs        ${summary.tariffs}`);
  ctx.out(`  subscriptions  ${summary.subscriptions} (${summary.endedSubscriptions} ended by a tariff change)`);
  ctx.out(`  charges        ${summary.pendingCharges} pending (installation, equipment)`);
  ctx.out('Nothing has been invoiced yet. Next:');
  ctx.out(`  npm run cli -- billing-run --period ${summary.nextPeriod} --dry-run   # what the run would invoice`);
  ctx.out(`  npm run cli -- billing-run --period ${summary.nextPeriod}             # issue the invoices`);
}
