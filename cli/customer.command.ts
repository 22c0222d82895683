import { z } from 'zod';
import type { CommandContext } from './context';

export const CUSTOMER_USAGE = 'customer find <text> [--limit <n>] [--json]   (matches name, username, payment reference or phone)';
const LIMIT = 50;

// The first question at the counter: "which account is this person?"
export async function customerCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const [verb, ...rest] = argv;
  if (verb !== 'find') throw ctx.usage(CUSTOMER_USAGE);
  const flags = ctx.flags(rest, { limit: 'string', json: 'boolean' });
  const { text, limit } = ctx.parse(z.object({
    text: z.string().trim().min(1, 'text to search for is required'),
    limit: z.coerce.number().int().min(1).max(500).default(LIMIT),
  }), { text: flags._.join(' '), limit: flags.limit });
  const db = await ctx.db();
  const like = { contains: text, mode: 'insensitive' } as const;
  const found = await db.customer.findMany({
    where: { OR: [{ name: like }, { username: like }, { paymentReference: like }, { phone: { contains: text.replace(/[\s-]/g, '') } }] },
    select: { id: true, username: true, name: true, phone: true, paymentReference: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  if (flags.json) return ctx.out(JSON.stringify({ items: found }));
  if (found.length === 0) return ctx.out(`No customer matches "${text}".`);
  for (const c of found) ctx.out(`#${c.id}  ${c.username}  ${c.name}  ref ${c.paymentReference}  ${c.phone ?? ''}`.trimEnd());
  if (found.length === limit) ctx.out(`(first ${limit}; narrow the text or raise --limit)`);
}
