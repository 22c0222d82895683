import { z } from 'zod';
import { formatMinor } from '../domain/money';
import { currencyExponent } from '../domain/statements/currency';
import { parseDecimalMinor } from '../domain/statements/decimal-amount';
import { PaymentMethod } from '../prisma/generated/enums';
import { recordPayment } from '../services/record-payment.service';
import type { CommandContext } from './context';
import { findCustomerByIdOrUsername } from './customer-lookup';

export const PAYMENT_USAGE = `payment record --customer <id|username> --amount <major units, e.g. 150 or 150.50> --method <${Object.keys(PaymentMethod).join('|')}> [--reference <text>] [--note <text>] [--idempotency-key <key>] [--json]`;

const Args = z.object({
  customer: z.string().trim().min(1, 'customer id or username is required'),
  amount: z.string().trim().regex(/^\d+(\.\d+)?$/, 'must be an amount in major units such as 150 or 150.50'),
  method: z.enum(PaymentMethod),
  reference: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(500).optional(),
  'idempotency-key': z.string().trim().min(1).max(200).optional(),
});

// The counter's cash desk from a terminal: the same service, rules and audit as POST /v1/payments.
export async function paymentCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const [verb, ...rest] = argv;
  if (verb !== 'record') throw ctx.usage(PAYMENT_USAGE);
  const flags = ctx.flags(rest, { customer: 'string', amount: 'string', method: 'string', reference: 'string', note: 'string', 'idempotency-key': 'string', json: 'boolean' });
  const args = ctx.parse(Args, flags);
  const db = await ctx.db();
  const customer = await findCustomerByIdOrUsername(db, args.customer);
  if (!customer) throw ctx.usage(`payment record --customer: no customer ${args.customer}`);
  const exponent = currencyExponent(customer.currency);
  let amountMinor: number;
  try {
    amountMinor = parseDecimalMinor(args.amount, exponent, { decimalSeparator: '.' });
  } catch (err) {
    throw ctx.usage(`payment record --amount: ${(err as Error).message}`);
  }
  const recorded = await recordPayment(db, { type: 'system', id: 'cli' }, {
    customerId: customer.id, amountMinor, currency: customer.currency, method: args.method, source: 'manual', receivedAt: new Date(),
    reference: args.reference, note: args.note, externalKey: args['idempotency-key'] ? `manual:cli:${args['idempotency-key']}` : undefined,
  });
  const { payment } = recorded;
  if (flags.json) {
    return ctx.out(JSON.stringify({ paymentId: payment.id, customerId: customer.id, amountMinor, currency: customer.currency, duplicate: recorded.duplicate, allocations: recorded.allocations, unallocatedMinor: recorded.unallocatedMinor }));
  }
  const money = (m: number) => formatMinor(m, customer.currency, exponent);
  ctx.out(`${recorded.duplicate ? 'Already recorded' : 'Recorded'} payment #${payment.id}: ${money(amountMinor)} ${args.method} from ${customer.name} (${customer.username}, #${customer.id}).`);
  for (const a of recorded.allocations) ctx.out(`  paid ${money(a.amountMinor)} on invoice #${a.invoiceId}`);
  if (recorded.unallocatedMinor > 0) ctx.out(`  ${money(recorded.unallocatedMinor)} left as credit`);
}
