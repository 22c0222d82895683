import type { ExceptionOutcome, MatchedOutcome } from '../domain/statements';
import type { Db } from '../infra/prisma';
import { CUSTOMER_WORKFLOW_TYPE } from '../services/customer-signals';
import { customerWorkflowId } from '../workflows/customer-billing.messages';
import type { Actor } from './audit';
import { OUTBOX_LANE } from './outbox';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface StoredLine {
  id: number;
  lineNo: number;
  identity: string;
  bookingDate: string;
  currency: string;
  bankReference: string | null;
  variableSymbol: string | null;
  counterName: string | null;
  message: string | null;
}

export interface Booking {
  line: StoredLine;
  outcome: Omit<MatchedOutcome, 'matchedBy'> & { matchedBy: string };
}

/**
 * Records matched lines as bank-transfer payments with their allocations, set-based, in the
 * caller's transaction. The payment's external key is the line's identity, so a line can
 * never be booked twice, whatever retries or overlapping statements do.
 */
export async function bookMatchedLines(
  tx: Tx,
  statementId: number,
  actor: Actor,
  bookings: readonly Booking[],
  state: 'matched' | 'assigned',
  /** Customers are signalled when this job releases the signals, not at commit. */
  holdSignalsFor?: string,
): Promise<void> {
  if (bookings.length === 0) return;
  const col = <T>(f: (b: Booking) => T) => bookings.map(f);
  const payments = await tx.$queryRaw<Array<{ id: number; external_key: string }>>`
    insert into payments (customer_id, amount_minor, currency, method, source, external_key, reference, note, received_at, statement_id)
    select t.customer_id, t.amount, t.currency, 'bank_transfer', 'bank_statement', t.external_key, t.reference, t.note, t.received_at, ${statementId}
      from unnest(${col((b) => Number(b.outcome.customerId))}::int[], ${col((b) => String(b.outcome.amountMinor))}::bigint[], ${col((b) => b.line.currency)}::text[],
                  ${col((b) => `bank:${b.line.identity}`)}::text[], ${col((b) => b.line.bankReference ?? b.line.variableSymbol)}::text[],
                  ${col((b) => noteOf(b.line))}::text[], ${col((b) => b.line.bookingDate)}::date[])
           as t(customer_id, amount, currency, external_key, reference, note, received_at)
    on conflict (external_key) do nothing
    returning id, external_key`;
  const paymentOf = new Map(payments.map((p) => [p.external_key, p.id]));
  // Only lines whose payment this insert created are booked further, each with its payment id.
  const booked = bookings.flatMap((b) => {
    const paymentId = paymentOf.get(`bank:${b.line.identity}`);
    return paymentId === undefined ? [] : [{ ...b, paymentId }];
  });
  const allocations = booked.flatMap((b) =>
    b.outcome.allocations.map((a) => ({ paymentId: b.paymentId, invoiceId: Number(a.invoiceId), amount: String(a.appliedMinor) })),
  );
  if (allocations.length > 0) {
    await tx.$executeRaw`
      insert into payment_allocations (payment_id, invoice_id, amount_minor)
      select * from unnest(${allocations.map((a) => a.paymentId)}::int[], ${allocations.map((a) => a.invoiceId)}::int[], ${allocations.map((a) => a.amount)}::bigint[])`;
    // The caller holds the customers' locks and matched against their current balances, so the
    // last allocation to each invoice states what is left of it; no need to re-sum the ledger.
    const leftAfter = new Map(booked.flatMap((b) => b.outcome.allocations.map((a) => [Number(a.invoiceId), a.outstandingAfterMinor] as const)));
    await tx.$executeRaw`
      update invoices i set status = (case when t.left_minor = 0 then 'paid' else 'partially_paid' end)::"InvoiceStatus"
        from unnest(${[...leftAfter.keys()]}::int[], ${[...leftAfter.values()]}::bigint[]) as t(id, left_minor)
       where i.id = t.id and i.status <> 'void'`;
  }
  await tx.$executeRaw`
    update bank_transactions l
       set state = ${state}::"BankLineState", match_kind = t.kind, matched_by = t.matched_by, customer_id = t.customer_id, payment_id = t.payment_id,
           candidate_customer_ids = array[t.customer_id], detail = null
      from unnest(${booked.map((b) => b.line.id)}::int[], ${booked.map((b) => b.outcome.kind)}::text[], ${booked.map((b) => b.outcome.matchedBy)}::text[],
                  ${booked.map((b) => Number(b.outcome.customerId))}::int[], ${booked.map((b) => b.paymentId)}::int[])
           as t(id, kind, matched_by, customer_id, payment_id)
     where l.id = t.id`;
  const audits = booked.map((b) => JSON.stringify({
    statementId, lineNo: b.line.lineNo, customerId: Number(b.outcome.customerId), amountMinor: b.outcome.amountMinor, kind: b.outcome.kind, matchedBy: b.outcome.matchedBy,
    allocations: b.outcome.allocations.map((a) => ({ invoiceId: Number(a.invoiceId), amountMinor: a.appliedMinor })), creditMinor: b.outcome.creditMinor,
  }));
  await tx.$executeRaw`
    insert into audit_log (actor_type, actor_id, action, entity_type, entity_id, data)
    select ${actor.type}, ${String(actor.id)}, 'payment.recorded', 'payment', t.id::text, t.data::jsonb
      from unnest(${booked.map((b) => b.paymentId)}::int[], ${audits}::text[]) as t(id, data)`;
  await signalCustomers(tx, booked.map((b) => ({ customerId: Number(b.outcome.customerId), paymentId: b.paymentId })), holdSignalsFor);
}

/** Lines no customer could be named for, with the reason and the customers the clues pointed at. */
export async function markExceptions(tx: Tx, rows: ReadonlyArray<{ lineId: number; outcome: ExceptionOutcome }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    update bank_transactions l
       set state = 'exception', exception_reason = t.reason, detail = t.detail,
           candidate_customer_ids = coalesce((select array_agg(x::int) from jsonb_array_elements_text(t.candidates::jsonb) x), '{}')
      from unnest(${rows.map((r) => r.lineId)}::int[], ${rows.map((r) => r.outcome.reason)}::text[], ${rows.map((r) => r.outcome.detail)}::text[],
                  ${rows.map((r) => JSON.stringify(r.outcome.candidateCustomerIds.map(Number)))}::text[]) as t(id, reason, detail, candidates)
     where l.id = t.id`;
}

// One paymentPosted per customer and batch: the workflow re-reads Postgres anyway.
async function signalCustomers(tx: Tx, rows: ReadonlyArray<{ customerId: number; paymentId: number }>, heldFor: string | undefined): Promise<void> {
  const last = new Map(rows.map((r) => [r.customerId, r.paymentId]));
  if (last.size === 0) return;
  const customers = [...last.keys()];
  const lane = heldFor === undefined ? OUTBOX_LANE.now : OUTBOX_LANE.held;
  await tx.$executeRaw`
    insert into outbox (workflow_id, workflow_type, start_args, signal, payload, lane, held_for)
    select t.workflow_id, ${CUSTOMER_WORKFLOW_TYPE}, jsonb_build_array(jsonb_build_object('customerId', t.customer_id)), 'paymentPosted', jsonb_build_object('paymentId', t.payment_id),
           ${lane}::smallint, ${heldFor ?? null}::text
      from unnest(${customers.map(customerWorkflowId)}::text[], ${customers}::int[], ${customers.map((c) => last.get(c)!)}::int[]) as t(workflow_id, customer_id, payment_id)`;
}

function noteOf(line: StoredLine): string | null {
  const text = [line.counterName, line.message].filter(Boolean).join(' — ');
  return text ? text.slice(0, 500) : null;
}
