import { z } from 'zod';
import { createOperator } from '../services/operators.service';
import type { CommandContext } from './context';

const Args = z.object({
  role: z.enum(['admin', 'manager', 'billing_clerk', 'reseller', 'support']),
  name: z.string().trim().min(1, 'is required'),
});

// npm run cli -- operator create --role admin --name Alice [--json]
export async function operatorCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const [verb] = argv;
  if (verb !== 'create') throw ctx.usage('operator create --role <admin|manager|billing_clerk|reseller|support> --name <name> [--json]');
  const flags = ctx.flags(argv.slice(1), { role: 'string', name: 'string', json: 'boolean' });
  const args = ctx.parse(Args, flags);
  const db = await ctx.db();
  const op = await createOperator(db, { type: 'system', id: 'cli' }, args);
  if (flags.json) ctx.out(JSON.stringify({ id: op.id, key: op.key }));
  else ctx.out(`Created ${op.role} operator #${op.id} "${op.name}".\nAPI key (shown once, keep it safe):\n  ${op.key}\nUse it as: Authorization: Bearer ${op.key}`);
}
