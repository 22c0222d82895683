import { z } from 'zod';
import { formatMinor } from '../domain/money';
import { loadConfig } from '../infra/config';
import { followWorkflow } from '../infra/follow-workflow';
import { startBillingRun } from '../services/billing-run.service';
import type { CommandContext } from './context';
import { progressBar } from './progress-bar';
import type { BillingRunProgress, billingRunWorkflow } from '../workflows/billing-run.workflow';

// npm run cli -- billing-run --period 2026-12 [--dry-run] [--json]
export async function billingRunCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const flags = ctx.flags(argv, { period: 'string', 'dry-run': 'boolean', json: 'boolean' });
  const { period } = ctx.parse(z.object({ period: z.string().min(1, 'is required, e.g. --period 2026-12') }), { period: flags.period ?? '' });
  const temporal = await ctx.temporal();
  const { workflowId } = await startBillingRun(temporal, loadConfig().TEMPORAL_TASK_QUEUE, { period, dryRun: !!flags['dry-run'], startedBy: 'cli' }).catch((err) => {
    throw ctx.usage(`billing-run --period YYYY-MM: ${(err as Error).message}`);
  });
  const handle = temporal.workflow.getHandle<typeof billingRunWorkflow>(workflowId);
  const result = await followWorkflow<Awaited<ReturnType<typeof billingRunWorkflow>>, BillingRunProgress>(handle, 'progress', (p) => progressBar('billing', p.customersDone, p.customersTotal), 500);
  if (flags.json) return ctx.out(JSON.stringify(result));
  const money = (m: number) => formatMinor(m, 'BDT').replace(/ BDT$/, '');
  // Taka and koruna are never added together.
  const totals = Object.entries(result.byCurrency ?? {}).map(([currency, amount]) => formatMinor(amount, currency)).join(' + ') || money(result.amountMinor);
  ctx.out(`${flags['dry-run'] ? 'Preview of' : 'Billed'} ${period}: ${result.invoices} invoice(s), ${result.lines} line(s), total ${totals} (workflow ${workflowId})`);
  for (const [tariff, t] of Object.entries(result.byTariff)) ctx.out(`  ${tariff.padEnd(28)} ${String(t.lines).padStart(6)} lines  ${money(t.amountMinor).padStart(14)}`);
  if (result.alreadyInvoiced) ctx.out(`  ${result.alreadyInvoiced} customer(s) already had an invoice for ${period}`);
  for (const f of result.failures) ctx.out(`  failed: customer ${f.customerId}: ${f.reason}`);
}
