import { ApplicationFailure, log } from '@temporalio/activity';
import { renderNotification, NotificationError } from '../notifications';
import { localDate, type TemplateName } from '../domain/dunning';
import { noticeContradiction } from '../domain/dunning/notice-dates';
import { claimDunningNotice } from '../data/dunning-notices';
import { currentDunningPolicy } from '../data/dunning-policy';
import { openInvoicesOf, type OpenInvoice } from '../data/open-invoices';
import type { ActivityDeps } from './deps';

export interface DunningNotice {
  customerId: number;
  invoiceId: number | null;
  state: string;
  channel: 'email' | 'sms';
  template: TemplateName;
}

export interface NoticeResult {
  status: 'sent' | 'skipped' | 'already_sent';
  detail: string;
}

/**
 * Sends one dunning message at most once: the (invoice, template, channel) notice is
 * claimed in dunning_notices, so no other state or policy sends it again, and the
 * (customer, invoice, state, channel) key in notification_log before sending, so a
 * retried activity finds it. A notice whose text contradicts the due date (a before-due
 * reminder for an invoice already due) or for an invoice since paid is not sent.
 */
export function sendDunningNotice(deps: ActivityDeps) {
  return async function sendDunningNotice(n: DunningNotice): Promise<NoticeResult> {
    const dedupeKey = `${n.customerId}:${n.invoiceId ?? 'none'}:${n.state}:${n.channel}`;
    const open = await openInvoicesOf(deps.db, n.customerId);
    const focus = n.invoiceId === null ? open[0] : open.find((i) => i.id === n.invoiceId);
    const refusal = await whyNotToSend(deps, n, focus);
    if (refusal) return refusal;
    if (n.invoiceId !== null) {
      const claim = await claimDunningNotice(deps.db, { customerId: n.customerId, invoiceId: n.invoiceId, template: n.template, channel: n.channel, state: n.state, dedupeKey });
      if (!claim.claimed) {
        return { status: 'already_sent', detail: `not sent again: ${n.template} by ${n.channel} went out for this invoice at ${claim.earlier.at.toISOString()} (state ${claim.earlier.state})` };
      }
    }
    await deps.db.notificationLog.createMany({
      data: [{ dedupeKey, customerId: n.customerId, invoiceId: n.invoiceId, state: n.state, channel: n.channel, template: n.template, status: 'sending' }],
      skipDuplicates: true,
    });
    const row = await deps.db.notificationLog.findUniqueOrThrow({ where: { dedupeKey } });
    if (row.status !== 'sending') return { status: 'already_sent', detail: `${n.channel} ${row.status} earlier (${row.transport ?? 'n/a'})` };

    const customer = await deps.db.customer.findUniqueOrThrow({ where: { id: n.customerId } });
    const recipient = n.channel === 'email' ? customer.email : customer.phone;
    if (!recipient) {
      await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'skipped', error: `customer has no ${n.channel === 'email' ? 'email address' : 'phone number'}` } });
      return { status: 'skipped', detail: `no ${n.channel} contact` };
    }
    const message = renderNotification(n.template, customer.language as 'en', {
      customerName: customer.name,
      amountMinor: open.reduce((s, i) => s + i.outstandingMinor, 0),
      currency: customer.currency,
      dueDate: focus?.dueDate ?? new Date().toISOString().slice(0, 10),
      paymentReference: customer.paymentReference,
      invoiceNumber: focus?.number,
      ispName: deps.ispName,
    });
    try {
      const sent = n.channel === 'email'
        ? await deps.notifier.email.send({ to: recipient, subject: message.subject, text: message.text, idempotencyKey: dedupeKey }).then((r) => ({ id: r.messageId, transport: r.transport }))
        : await deps.notifier.sms.send({ to: recipient, body: message.sms, idempotencyKey: dedupeKey }).then((r) => ({ id: r.sid, transport: r.transport }));
      await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'sent', recipient, transport: sent.transport, providerId: sent.id ?? null, sentAt: new Date() } });
      return { status: 'sent', detail: `${n.template} by ${n.channel} via ${sent.transport}` };
    } catch (err) {
      if (err instanceof NotificationError && !err.retryable) {
        await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'failed', recipient, error: err.message } });
        throw ApplicationFailure.nonRetryable(err.message, 'NotificationRejected');
      }
      log.warn('notification failed, will retry', { dedupeKey, error: String(err) });
      throw err;
    }
  };
}

/** A skipped result when the fresh rows say this notice must not go out. */
async function whyNotToSend(deps: ActivityDeps, n: DunningNotice, focus: OpenInvoice | undefined): Promise<NoticeResult | null> {
  if (!focus) return { status: 'skipped', detail: `not sent: ${n.invoiceId === null ? 'nothing is owed' : `invoice ${n.invoiceId} is paid`}` };
  const { policy } = await currentDunningPolicy(deps.db);
  const why = noticeContradiction(n.template, focus.dueDate, localDate(new Date(), policy.timezone));
  return why === null ? null : { status: 'skipped', detail: `not sent: ${why}` };
}
