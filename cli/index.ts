import './logs-to-stderr';
import { ConfigError } from '../infra/config';
import { runMain } from '../infra/run-main';
import { createCommandContext, type CommandContext } from './context';
import { dbCommand } from './db.command';
import { demoCommand } from './demo.command';
import { billingRunCommand } from './billing-run.command';
import { dunningCommand } from './dunning.command';
import { operatorCommand } from './operator.command';
import { paymentCommand } from './payment.command';
import { customerCommand } from './customer.command';
import { statementCommand } from './statement.command';

const COMMANDS: Record<string, (ctx: CommandContext, argv: string[]) => Promise<void>> = {
  operator: operatorCommand,
  payment: paymentCommand,
  customer: customerCommand,
  dunning: dunningCommand,
  'billing-run': billingRunCommand,
  demo: demoCommand,
  statement: statementCommand,
  db: dbCommand,
};

runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new ConfigError(`usage: npm run cli -- <${Object.keys(COMMANDS).join('|')}> …`);
  const ctx = createCommandContext();
  try {
    await command(ctx, argv);
  } finally {
    await ctx.close();
  }
});
