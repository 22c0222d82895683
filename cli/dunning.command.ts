import { z } from 'zod';
import { formatMinor } from '../domain/money';
import { readDunningStatus } from '../services/dunning-status.service';
import type { CommandContext } from './context';
import { findCustomerByIdOrUsername } from './customer-lookup';

// npm run cli -- dunning status <customer id | username> [--json]
export async function dunningCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const [verb, ...rest] = argv;
  if (verb !== 'status') throw ctx.usage('dunning status <customer id|username> [--json]');
  const flags = ctx.flags(rest, { json: 'boolean' });
  const who = ctx.parse(z.object({ customer: z.string().min(1, 'customer id or username is required') }), { customer: flags._[0] ?? '' }).customer;
  const db = await ctx.db();
  const customer = await findCustomerByIdOrUsername(db, who);
  if (!customer) throw ctx.usage(`dunning status <customer>: no customer ${who}`);
  const status = await readDunningStatus({ db, temporal: await ctx.temporal() }, customer.id);
  if (flags.json) return ctx.out(JSON.stringify(status));
  ctx.out(`${customer.name} (${customer.username}, #${customer.id}) — workflow ${status.workflowId}${status.running ? '' : ' (not running)'}`);
  ctx.out(`  state     ${status.state}   network: ${status.network}   owes: ${formatMinor(status.overdueMinor, customer.currency)}`);
  ctx.out(`  next      ${status.nextAction ? `${status.nextAction.action} at ${status.nextAction.at}` : 'nothing scheduled'}`);
  if (status.promiseToPayUntil) ctx.out(`  promise   to pay until ${status.promiseToPayUntil}`);
  if (status.pausedUntil) ctx.out(`  paused    until ${status.pausedUntil}`);
  for (const reason of status.reasons) ctx.out(`  why       ${reason}`);
  if (status.timeline.length) ctx.out('  timeline');
  for (const e of status.timeline) ctx.out(`    ${e.at}  ${e.kind.padEnd(12)} ${e.summary}`);
}
